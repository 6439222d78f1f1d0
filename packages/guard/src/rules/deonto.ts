/**
 * DEONTO: professional ethics for staff who talk about health online.
 * - DEONTO-01: an unsourced health claim (miracle cures, "le vaccin ne sert à rien"); a post
 *   that cites a recognised source (HAS, Santé publique France, Inserm, a dated study) is fine.
 * - DEONTO-02: personal medical advice ("doublez la dose", "donne-lui du doliprane", "pas besoin
 *   de consulter"); redirecting to a doctor or the 15 is the right answer, not a breach.
 * - DEONTO-03: advertising (promo codes, discounts, undisclosed partnerships, testimonials that
 *   promote a practitioner).
 * Institutional content goes through validation and speaks in general terms, so DEONTO-01 and
 * DEONTO-03 look at staff posts only; advice (DEONTO-02) can also slip into a reply.
 */
import type { Finding } from '../types.js';
import { type Cue, cuePattern, explainCue, findCue, gap, hasCue, oneOf, spansNear } from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';

// ---- DEONTO-01: unsourced health claims -------------------------------------------------------

const REMEDY = oneOf([
  'jeune',
  'jeuner',
  'jeune intermittent',
  'curcuma',
  'bicarbonate',
  'huile essentielle',
  'huiles essentielles',
  'homeopathie',
  'granules',
  'argile',
  'detox',
  'citron',
  'ail',
  'miel',
  'gingembre',
  'vinaigre de cidre',
  'eau oxygenee',
  'chlorure de magnesium',
  'vitamine c',
  'vitamine d',
  'cbd',
  'cannabis',
  'tisane',
  'tisanes',
  'plantes',
  'naturopathie',
  'regime cetogene',
  'eau de mer',
  'eau alcaline',
  'dioxyde de chlore',
  'mms',
  'argent colloidal',
  'spiruline',
  'propolis',
  'reiki',
  'lithotherapie',
  'magnetiseur',
  'jus de legumes',
  'cure de jus',
]);
const CURES = oneOf([
  'guerit',
  'guerissent',
  'soigne',
  'soignent',
  'fait fondre',
  'font fondre',
  'fait disparaitre',
  'font disparaitre',
  'elimine',
  'eliminent',
  'detruit',
  'detruisent',
  'tue',
  'tuent',
  'remplace',
  'remplacent',
  'mieux que',
  'previent',
  'empeche',
  'vient a bout',
  'nettoie',
  'purifie',
  'booste',
  "renforce l'immunite",
  'protege du',
  'protege de',
  'protege contre',
]);
const DISEASE = oneOf([
  'cancer',
  'cancers',
  'tumeur',
  'tumeurs',
  'diabete',
  'sida',
  'vih',
  'alzheimer',
  'parkinson',
  'autisme',
  'covid',
  'sclerose en plaques',
  'arthrose',
  'depression',
  'leucemie',
  'hepatite',
  'metastases',
]);

const HEALTH_CLAIM = [
  cuePattern(`${REMEDY} ${gap(6)}${CURES}`),
  cuePattern(
    `(?:guerit|guerissent|fait fondre|font fondre|fait disparaitre|font disparaitre|vient a bout) ${gap(2)}(?:le |la |les |l'|du |des |de la |d')?${DISEASE}`,
  ),
  cuePattern(
    `mieux que (?:les |la |le |l')?(?:antibiotiques|antibio|antibios|chimio|chimiotherapie|medicaments|medocs|vaccins|vaccin|traitements|radiotherapie)`,
  ),
  cuePattern(
    `(?:statine|statines|antidepresseurs?|chimio|chimiotherapie|antibiotiques?|antibios?|medicaments?|masques?|mammographies?|depistages?|traitements?) ${gap(4)}(?:ne sert a rien|ne servent a rien|sert a rien|servent a rien|c'est du business|c'est un business|un business|est du poison|sont du poison|c'est du poison|une arnaque|est une arnaque|sont une arnaque|tuent plus|tue plus)(?! (?:contre|sur|pour|si|en cas|dans|face|sans))`,
  ),
  cuePattern(
    `(?:vaccin|vaccins|vaccination|vacciner) ${gap(6)}(?:ne sert a rien|ne servent a rien|sert a rien|servent a rien|est inutile|sont inutiles|c'est du business|c'est du poison|est un poison|sont du poison|une arnaque|est une arnaque)`,
  ),
  cuePattern(
    `faites vos (?:propres )?recherches|big pharma|les labos (?:nous )?(?:cachent|mentent)|ce que (?:les medecins|votre medecin|les labos) ne (?:vous )?(?:disent|dit) pas`,
  ),
  cuePattern(
    `(?:remede|traitement|cure|solution|produit|plante|aliment) miracle|miraculeux|miraculeuse|j'ai vu des patients (?:guerir|gueris)`,
  ),
];
/** Claims whose verb may be negated ("le vaccin ne donne pas l'autisme" is a correct statement). */
const VACCINE_HARM = [
  cuePattern(
    `(?:vaccin|vaccins|vaccination) ${gap(5)}(?:cause|causent|provoque|provoquent|donne|donnent|rend|rendent|tue|tuent|sterilise|sterilisent|modifie l'adn|modifient l'adn)`,
  ),
];
const NEGATION = /(?<![a-z])(?:ne|n'|pas|jamais|aucun|aucune)(?![a-z])/u;

/** A recognised, citable source: naming one is what the rule asks for. */
const SOURCED = [
  cuePattern(
    `has|haute autorite de sante|sante publique france|spf|inserm|oms|ansm|inca|cnom|ameli|assurance maladie|cochrane|pubmed|lancet|nejm|bmj|etude|etudes|meta-analyse|essai clinique|recommandations?|sources?|selon|d'apres`,
  ),
  /(?<![0-9])(?:19|20)\d\d(?![0-9])/u,
  /https?:\/\//u,
];

function unsourcedClaim(folded: string): Cue | null {
  if (hasCue(folded, SOURCED)) return null;
  const claim = findCue(folded, HEALTH_CLAIM);
  if (claim !== null) return claim;
  const harm = findCue(folded, VACCINE_HARM);
  if (harm !== null && !NEGATION.test(folded.slice(harm.start, harm.end))) return harm;
  return null;
}

// ---- DEONTO-02: personal medical advice -------------------------------------------------------

/** Advice verbs in the "vous" form, as a reply to a patient would put them. */
const ADVISE_VOUS = oneOf([
  'prenez',
  'donnez',
  'donnez-lui',
  'doublez',
  'triplez',
  'augmentez',
  'diminuez',
  'baissez',
  'arretez',
  'stoppez',
  'alternez',
  'passez',
  'mettez',
  'mettez-lui',
  'appliquez',
  'avalez',
  'essayez',
  'remplacez',
  'reprenez',
  'injectez',
  'vous pouvez alterner',
  'vous pouvez prendre',
  'vous pouvez donner',
  'vous pouvez doubler',
  'vous pouvez augmenter',
  'vous pouvez arreter',
  'vous pouvez lui donner',
]);
/** The "tu" forms, which double as third-person verbs ("il donne"), hence only with an addressee. */
const ADVISE_TU = oneOf([
  'prends',
  'donne',
  'donne-lui',
  'double',
  'augmente',
  'diminue',
  'baisse',
  'arrete',
  'alterne',
  'passe',
  'mets',
  'mets-lui',
  'avale',
  'essaie',
  'essaye',
  'reprends',
  'tu peux prendre',
  'tu peux donner',
  'tu peux alterner',
  'tu peux doubler',
  'tu peux arreter',
  'tu peux lui donner',
  'je passerais',
  'je prendrais',
  'je doublerais',
  'je donnerais',
  "j'arreterais",
  "j'augmenterais",
  'je mettrais',
  'peut prendre',
  'peut lui donner',
  'peuvent prendre',
  'il faut lui donner',
  'faut lui donner',
  'il faut prendre',
  'faut prendre',
]);
const MEDICATION = oneOf([
  'dose',
  'doses',
  'posologie',
  'traitement',
  'medicament',
  'medicaments',
  'medoc',
  'medocs',
  'cachet',
  'cachets',
  'comprime',
  'comprimes',
  'gelule',
  'gelules',
  'antibio',
  'antibios',
  'antibiotique',
  'antibiotiques',
  'cortisone',
  'corticoides',
  'anti-inflammatoire',
  'anti-inflammatoires',
  'paracetamol',
  'doliprane',
  'dafalgan',
  'efferalgan',
  'ibuprofene',
  'advil',
  'nurofen',
  'spedifen',
  'aspirine',
  'kardegic',
  'spasfon',
  'smecta',
  'imodium',
  'gaviscon',
  'levothyrox',
  'levo',
  'xanax',
  'lexomil',
  'stilnox',
  'tramadol',
  'codeine',
  'lamaline',
  'izalgi',
  'morphine',
  'insuline',
  'ventoline',
  'augmentin',
  'amoxicilline',
  'amox',
  'cortancyl',
  'solupred',
  'melatonine',
  'lasilix',
  'previscan',
  'eliquis',
  'metformine',
  'pilule',
]);
const DOSE = '\\d+(?:[,.]\\d+)? ?(?:mg|g|ml|gouttes|cp|ui|mcg|µg|microgrammes|dosettes|sachets|bouffees)';

const ADVICE_VOUS = [cuePattern(`${ADVISE_VOUS} ${gap(3)}(?:${MEDICATION}|${DOSE})`)];
/** "baisse ton Amlor de moitié": a dose change even when the drug is not in the list. */
const DOSE_CHANGE = "(?:de moitie|a moitie|en deux|d'un quart|d'un cran|a \\d+ ?(?:mg|g|ml)?)";
const ADVICE_ANY = [
  ...ADVICE_VOUS,
  cuePattern(`${ADVISE_TU} ${gap(3)}(?:${MEDICATION}|${DOSE})`),
  cuePattern(`(?:${ADVISE_TU}|${ADVISE_VOUS}) (?:ton |ta |tes |votre |vos |son |sa |ses |le |la |les |l')[a-z]+ ${gap(1)}${DOSE_CHANGE}`),
];
/** Advice that stands on its own: telling someone not to see a doctor, or to stop a treatment. */
const STANDALONE_ADVICE = [
  cuePattern(
    `(?:pas besoin|inutile|pas la peine|aucune raison) (?:de |d')(?:consulter|aller aux urgences|venir aux urgences|aller a l'hopital|voir un medecin|voir ton medecin|voir votre medecin|appeler le 15|appeler ton medecin|appeler votre medecin|passer aux urgences|aller chez le medecin|aller voir le medecin|te deplacer|vous deplacer)`,
  ),
  cuePattern(
    `(?:arretez|arrete|stoppez|stoppe) (?:votre|ton|vos|tes|ce|le) (?:traitement|medicament|medicaments|cachets|insuline|chimio|antidepresseur|antidepresseurs)`,
  ),
];
/** Signs that the advice is for one person: a reply, a question asked, a named child or symptom. */
const ADDRESSED = [
  cuePattern(
    `(?:ton|ta|tes|votre|vos) (?:bebe|bebes|enfant|enfants|fils|fille|petit|petite|mere|pere|mari|femme|douleur|douleurs|fievre|symptomes|traitement|toux|tension|glycemie|fatigue|mal de)`,
  ),
  cuePattern(
    `pour toi|pour vous|dans ton cas|dans votre cas|a ta place|a votre place|vous me demandez|tu me demandes|en commentaire|en mp|en dm|en message`,
  ),
  /(?<![\w@])@[a-z0-9_.]{2,}/u,
];

function negatedAt(folded: string, cue: Cue): boolean {
  return /(?:^|[^a-z])n(?:e |')\s*$/u.test(folded.slice(Math.max(0, cue.start - 6), cue.start));
}

function personalAdvice(input: RuleInput): Cue | null {
  const { doc, ctx } = input;
  const standalone = findCue(doc.folded, STANDALONE_ADVICE);
  if (standalone !== null && !negatedAt(doc.folded, standalone)) return standalone;
  if (ctx.context === 'reply') {
    // A reply is addressed to someone by nature; its imperatives are in the "vous" form.
    const advice = findCue(doc.folded, ADVICE_VOUS);
    return advice !== null && !negatedAt(doc.folded, advice) ? advice : null;
  }
  const advice = findCue(doc.folded, ADVICE_ANY);
  if (advice === null || negatedAt(doc.folded, advice)) return null;
  return hasCue(doc.folded, ADDRESSED) ? advice : null;
}

// ---- DEONTO-03: advertising --------------------------------------------------------------------

const PROMOTION = [
  cuePattern(`code (?:promo|promotionnel|reduc|reduction|parrainage|partenaire|avantage)`),
  cuePattern(`(?:avec|utilisez|utilise|avec mon|avec le|mon) code [a-z]{2,}\\d{1,3}`),
  /(?<![\w])-\s?\d{1,2}\s?%\s*(?:sur|de reduc|de remise|avec|offerts?)(?![a-z])/u,
  cuePattern(`\\d{1,2} ?% (?:de reduction|de reduc|de remise|offerts?)`),
  /(?<![\w])#(?:ad|pub|sponso|sponsorise|sponsorisee|partenariat|partenariatremunere|collab|partner|gifted|promo|codepromo)(?![a-z0-9])/u,
  cuePattern(
    `(?:partenariat|collaboration|collab) (?:remunere|remuneree|commercial|commerciale)|en partenariat avec @|en collaboration avec @`,
  ),
  cuePattern(
    `sponsorise|sponsorisee|sponsorises|offert par @|offerts par @|livraison offerte|ma boutique|mon e-shop|mon eshop|offre exclusive|offre speciale|black friday`,
  ),
  cuePattern(`(?:sur|via) (?:mon|ma) (?:doctolib|agenda en ligne|page de reservation)`),
];
/** A patient's praise becomes advertising once it sits next to a way to book or buy. */
const TESTIMONIAL = [
  cuePattern(
    `temoignage (?:d'une|d'un|de mes|de ma|de mon) (?:patiente|patient|patientes|patients|cliente|client)`,
  ),
  cuePattern(
    `meilleur(?:e)? (?:chirurgien|chirurgienne|medecin|dentiste|praticien|praticienne|dermato|dermatologue|kine|gyneco|docteur|osteo|nutritionniste)`,
  ),
  cuePattern(
    `mes (?:patientes|patients|clientes|clients) (?:adorent|recommandent|sont ravies|sont ravis|en redemandent)`,
  ),
];
const BOOKING = [
  cuePattern(`rdv|rendez-vous|doctolib|reservez|reservation|cabinet|tarifs?|seances?|devis|prix|offre|code`),
];
/** "Lien en bio" is ordinary on its own; next to a brand or a product it sells something. */
const LINK_IN_BIO = [cuePattern(`lien en bio|lien dans (?:ma|la) bio|link in bio|lien en description`)];
const COMMERCE = [
  cuePattern(
    `commander|commande|achetez|acheter|complements?|produits?|boutique|shop|marque|gelules|cures?|code`,
  ),
];

function promotion(folded: string): Cue | null {
  const cue = findCue(folded, PROMOTION);
  if (cue !== null) return cue;
  const praise = findCue(folded, TESTIMONIAL);
  if (praise !== null && hasCue(folded, BOOKING)) return praise;
  const link = findCue(folded, LINK_IN_BIO);
  return link !== null && hasCue(folded, COMMERCE) ? link : null;
}

// ---- evaluator --------------------------------------------------------------------------------

export const deontoEvaluator: RuleEvaluator = {
  family: 'DEONTO',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    const findings: Finding[] = [];
    if (ctx.context === 'staff') {
      const claim = unsourcedClaim(doc.folded);
      if (claim !== null) {
        findings.push(
          makeFinding('DEONTO-01', [], {
            explanation: explainCue(doc, claim, {
              fr: "cette affirmation de santé n'est appuyée sur aucune source. Venant d'un soignant, elle sera crue et peut détourner quelqu'un d'un vrai traitement.",
              en: 'this health claim rests on no source. Coming from a health professional, it will be believed and may turn someone away from real treatment.',
            }),
          }),
        );
      }
    }
    if (ctx.context === 'staff' || ctx.context === 'reply') {
      const advice = personalAdvice(input);
      if (advice !== null) {
        findings.push(
          makeFinding('DEONTO-02', spansNear(doc, spans, advice, ['HANDLE', 'PERSON', 'AGE', 'HEALTH']), {
            explanation: explainCue(doc, advice, {
              fr: "c'est un conseil de traitement pour une personne que vous n'avez pas examinée. Sans connaître son état ni ses autres traitements, il peut être dangereux.",
              en: 'this is treatment advice for someone you have not examined. Without knowing their condition or other treatments, it can be dangerous.',
            }),
          }),
        );
      }
    }
    if (ctx.context === 'staff') {
      const advert = promotion(doc.folded);
      if (advert !== null) {
        findings.push(
          makeFinding('DEONTO-03', spansNear(doc, spans, advert, ['PERSON']), {
            explanation: explainCue(doc, advert, {
              fr: "c'est de la publicité. Les soignants ne doivent pas promouvoir leurs soins ni des produits, et tout partenariat doit être déclaré.",
              en: 'this is advertising. Health professionals must not promote their care or products, and any partnership must be disclosed.',
            }),
          }),
        );
      }
    }
    return findings;
  },
};
