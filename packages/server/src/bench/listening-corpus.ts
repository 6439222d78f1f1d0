import { seededRandom } from '@blouse/buzz';
import type { WatchTerm } from '../listening/watch-terms/matcher.js';

/**
 * A national deployment's watch terms and a firehose of French posts, generated from a seed so
 * that every run measures the same work. Establishment names are built the way French ones are
 * (« CH de <ville> », « Clinique Saint-<prénom> », « Hôpital privé <ville> »), with a few
 * aliases, a hashtag, a handle, services shared by every hospital and exclusions; towns are
 * frequent French surnames (many communes carry one) with the suffixes communes have. Posts are
 * everyday French chatter, about one in four naming an establishment the way people write it:
 * in capitals or not, without accents, with typographic apostrophes, no-break spaces, as a
 * hashtag.
 */
export interface ListeningCorpus {
  readonly terms: readonly WatchTerm[];
  readonly establishments: number;
  readonly posts: readonly string[];
}

export interface CorpusNames {
  /** Town roots, folded (« dupont »): capitalized here. */
  readonly towns: readonly string[];
  /** First names, folded, for saints. */
  readonly saints: readonly string[];
}

export interface CorpusSettings {
  readonly seed: number;
  readonly termCount: number;
  readonly postCount: number;
  readonly postCharacters: number;
}

export function buildListeningCorpus(names: CorpusNames, settings: CorpusSettings): ListeningCorpus {
  if (names.towns.length === 0 || names.saints.length === 0) throw new RangeError('corpus needs names');
  const random = seededRandom(settings.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const terms: WatchTerm[] = [];
  const written: string[][] = [];
  let establishments = 0;
  while (terms.length < settings.termCount) {
    const establishmentId = `etab-${establishments}`;
    const town = townName(pick(names.towns), random, pick);
    const own = establishmentTerms(town, capitalize(pick(names.saints)), random, pick);
    written.push(own.filter(([kind]) => kind !== 'exclusion').map(([, term]) => term));
    for (const [kind, term] of own) {
      if (terms.length === settings.termCount) break;
      terms.push({ id: `term-${terms.length}`, establishmentId, kind, term });
    }
    establishments += 1;
  }

  const posts: string[] = [];
  for (let index = 0; index < settings.postCount; index++) {
    let post = '';
    while (post.length < settings.postCharacters) {
      const sentence =
        random() < 0.08
          ? mention(pick(pick(written)), random, pick)
          : pick(CHATTER).replace('{}', pick(SERVICES));
      post = post === '' ? sentence : `${post} ${sentence}`;
    }
    posts.push(post.slice(0, settings.postCharacters));
  }
  return { terms, establishments, posts };
}

type Pick = <T>(list: readonly T[]) => T;

function establishmentTerms(
  town: string,
  saint: string,
  random: () => number,
  pick: Pick,
): Array<[WatchTerm['kind'], string]> {
  const glued = town.normalize('NFD').replace(/[^A-Za-z]/g, '');
  const shape = random();
  const own: Array<[WatchTerm['kind'], string]> = [];
  if (shape < 0.45) {
    const [long, short] = pick(PUBLIC_KINDS);
    own.push(['name', `${long} de ${town}`], ['alias', `${short} de ${town}`], ['alias', `${short} ${town}`]);
    own.push(['hashtag', `#${short}${glued}`], ['alias', `@${short.toLowerCase()}_${glued.toLowerCase()}`]);
  } else if (shape < 0.75) {
    const kind = pick(['Clinique', 'Polyclinique', 'Hôpital privé']);
    own.push(['name', `${kind} Saint-${saint}`]);
    own.push(
      ['alias', `${kind} Saint-${saint} de ${town}`],
      ['hashtag', `#Clinique${saint.replace(/\W/g, '')}`],
    );
  } else {
    own.push(['name', `Centre hospitalier ${town}`], ['alias', `CH ${town}`], ['alias', town]);
    own.push(['exclusion', `${pick(EXCLUSION_KINDS)} ${town}`], ['hashtag', `#${glued}`]);
  }
  const services = 1 + Math.floor(random() * 3);
  for (let index = 0; index < services; index++) own.push(['service', pick(SERVICES)]);
  return own;
}

function townName(root: string, random: () => number, pick: Pick): string {
  const base = capitalize(root);
  const shape = random();
  if (shape < 0.5) return base;
  if (shape < 0.8) return `${base}-${pick(TOWN_SUFFIXES)}`;
  return `${pick(TOWN_PREFIXES)}${base}`;
}

/** How people write an establishment's name: capitals, no accents, odd spaces, as a hashtag. */
function mention(term: string, random: () => number, pick: Pick): string {
  let written = term;
  const style = random();
  if (style < 0.2) written = written.toUpperCase();
  else if (style < 0.4) written = written.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  else if (style < 0.5) written = written.replaceAll(' ', '\u00a0');
  else if (style < 0.6) written = `#${written.replace(/[\s'-]/g, '')}`;
  return pick(MENTION_SENTENCES).replace('{}', written).replace('{s}', pick(SERVICES));
}

function capitalize(folded: string): string {
  return folded.replace(
    /(^|[\s-])(\p{L})/gu,
    (_, edge: string, letter: string) => edge + letter.toUpperCase(),
  );
}

const PUBLIC_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['Centre hospitalier', 'CH'],
  ['Centre hospitalier universitaire', 'CHU'],
  ['Centre hospitalier régional', 'CHR'],
  ['Hôpital', 'Hôpital'],
  ['Groupe hospitalier', 'GH'],
  ['Centre hospitalier intercommunal', 'CHI'],
];

const TOWN_SUFFIXES = [
  'sur-Mer',
  'sur-Loire',
  'les-Bains',
  'le-Château',
  'en-Vexin',
  'la-Forêt',
  'sur-Saône',
  'd’Azergues',
  'l’Abbaye',
  'de-Bretagne',
];
const TOWN_PREFIXES = ['Saint-', 'Sainte-', 'Mont-', 'Val-de-', 'Bourg-', 'Pont-', 'La Roche-', 'Villers-'];
const EXCLUSION_KINDS = ['Château de', 'FC', 'Stade de', 'Gare de', 'Lycée de', 'Rue de'];

const SERVICES = [
  'urgences',
  'maternité',
  'service de cardiologie',
  'réanimation',
  'pédiatrie',
  'SAMU',
  'bloc opératoire',
  'oncologie',
  'psychiatrie',
  'gériatrie',
  'radiologie',
  'soins palliatifs',
  'néonatologie',
  'service des brûlés',
  'consultations externes',
  'parking de l’hôpital',
  'accueil',
  'standard',
  'hôpital de jour',
  'chirurgie ambulatoire',
];

const CHATTER = [
  'Franchement la journée a été longue, vivement le week-end.',
  'Quelqu’un a des nouvelles du match d’hier soir ?',
  'Il pleut encore, c’est la troisième semaine de suite 🌧️',
  'Merci à tous pour vos messages, ça me touche beaucoup ❤️',
  'Les travaux sur la rocade, une catastrophe pour aller bosser…',
  'Six heures d’attente aux {}, sans une seule information.',
  'Ma grand-mère a été super bien soignée en {}, merci à l’équipe !',
  'Vous savez si le {} est ouvert le dimanche ?',
  'On parle encore de la chute des prix de l’immobilier, sérieusement ?',
  'Le marché de Noël ouvre samedi, qui vient ?',
  'Réunion de parents d’élèves ce soir, courage à moi-même.',
  'Une infirmière des {} m’a rassuré, elle a été géniale.',
  'Rappel : la vaccination antigrippale commence lundi.',
  'Grève des transports demain, prévoyez large.',
  'J’ai attendu trois mois pour un rendez-vous en {}…',
  'Trop contente, le bébé est né cette nuit 👶',
  'Le chauffeur du bus 12 est toujours aussi aimable 🙃',
  'Chutes de neige prévues sur les hauteurs, soyez prudents.',
  'Concert complet, je suis dégoûté.',
  'Soutien total aux soignants, ils font un travail incroyable.',
];

const MENTION_SENTENCES = [
  'Quatre heures aux {s} du {} et personne pour nous dire quoi que ce soit.',
  'Merci au personnel du {} pour leur gentillesse 🙏',
  'Scandale au {} : ma mère attend depuis ce matin.',
  'Quelqu’un connaît le {s} du {} ? Avis bienvenus.',
  'Le {} recrute des infirmiers, partagez !',
  'J’ai vu passer une rumeur sur le {}, quelqu’un confirme ?',
  'Bravo à l’équipe du {}, le {s} au top.',
  'Accouchée au {} la semaine dernière, top.',
];
