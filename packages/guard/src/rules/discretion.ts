/**
 * DISCR-01: internal information that must stay inside the establishment: access codes and
 * security arrangements, internal investigations and disciplinary matters, internal notes and
 * leaks and figures not yet presented, unpublished staffing or bed figures. Discretion binds the
 * institution too: an official post must not publish a disciplinary measure, the hours when the
 * guards are absent or figures "pas encore présentés en CSE". Incidents, outbreaks and decisions
 * taken in internal meetings, on the other hand, are the establishment's to announce, so those
 * cues count only when a staff member posts them.
 */

import { COUNT_WORDS } from '../recognizers/french-numbers.js';
import type { Finding } from '../types.js';
import { type CueSet, explainCue, gap, oneOf, peopleNear, taggedCues } from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { wordList } from './word-lists.js';

interface DiscretionCue {
  readonly patterns: readonly string[];
  readonly why: { readonly fr: string; readonly en: string };
  /** Whether the establishment's own accounts may publish this (an official announcement). */
  readonly officialMayPublish: boolean;
}

const NUMBER = `(?:\\d+(?:[,.]\\d+)?|${oneOf(COUNT_WORDS)})`;

/** Staff as they are counted in a ratio ("2 IDE pour 28 lits"). */
const COUNTED_STAFF = oneOf(wordList('discretion-counted-staff'));

const SECURED_THING = oneOf(wordList('discretion-secured-thing'));

/** A specific incident with a patient ("la chute d'un patient", not "la chute du patient âgé"). */
const INCIDENT =
  "(?:fugue|chute|suicide|tentative de suicide|agression|deces|erreur) (?:d'un|d'une) (?:patient|patiente|resident|residente|malade|detenu|enfant|bebe)";

const CUES: readonly DiscretionCue[] = [
  {
    officialMayPublish: false,
    why: {
      fr: 'un code, un mot de passe ou un dispositif de sécurité publié aide quiconque veut entrer là où il ne doit pas. La sécurité des patients et des équipes en dépend.',
      en: 'a published code, password or security arrangement helps anyone who wants to get where they should not. The safety of patients and teams depends on it.',
    },
    patterns: [
      `(?:digicode|digi-code|code|codes|mot de passe|mots de passe|mdp|login|identifiants?) ${gap(3)}(?:du |de la |de l'|des |d')?${gap(1)}${SECURED_THING}`,
      `(?:digicode|code|mot de passe|mdp) (?:c'est|est|=|:)? ?(?:toujours |encore )?\\d{3,}`,
      `(?:agents? de (?:securite|surete)|vigiles?|gardiens?) ${gap(6)}(?:de \\d{1,2} ?h ?(?:\\d\\d)? a \\d{1,2} ?h|uniquement|seulement|plus que|ne sont plus|n'est plus|absents?|aucun|jamais la|pas la)`,
      `(?:pas de|aucun|plus de|plus aucun) (?:vigile|agent de securite|agents de securite|securite|gardien) ${gap(3)}(?:la nuit|le soir|le week-end|le we|apres|entre|avant)`,
      `(?:cameras?|videosurveillance|video-surveillance|alarme|alarmes|badgeuse|badgeuses) ${gap(6)}(?:en panne|hors service|ne marchent? pas|ne fonctionnent? pas|factices?|desactivees?|angle mort)`,
      // "ma porte reste ouverte" is a welcome; a service door left open is a security gap.
      `(?:porte|portes|acces|sas|coffre|armoire|local|salle) (?:de service|de secours|du personnel|des urgences|arriere|de derriere|du sous-sol|de la pharmacie|des vestiaires|des stupefiants|des stups|a stups|a pharmacie|des toxiques|des medicaments) ${gap(4)}(?:reste ouvert|reste ouverte|restent ouverts|restent ouvertes|jamais fermee|jamais fermees|ne ferme pas|ne ferment pas|ne ferme plus|ne ferment plus|sans badge|en panne)`,
      `(?:code d'acces|codes d'acces) ${gap(6)}(?:modifie|change|nouveau)`,
      `(?:badge|badges|acces|compte|comptes|identifiants?|login) ${gap(5)}(?:marche encore|marchent encore|fonctionne encore|fonctionnent encore|toujours actifs?|toujours valides?|pas desactives?|jamais desactives?)`,
      `personne ne (?:l'a|les a) (?:desactive|desactives|bloque|supprime)`,
      `(?:rancon|les attaquants|les pirates|les hackers|les cybercriminels) ${gap(3)}(?:reclament|exigent|demandent|ont demande|ont exige)`,
      `(?:sauvegardes?|serveurs? de sauvegarde|backups?) ${gap(6)}(?:chiffres|chiffrees|cryptes|cryptees|compromis|compromises|detruits|detruites)`,
    ],
  },
  {
    officialMayPublish: false,
    why: {
      fr: "les enquêtes internes et les mesures disciplinaires concernent des personnes reconnaissables et ne se règlent pas en public, même par l'établissement.",
      en: 'internal investigations and disciplinary measures concern recognisable people and are not settled in public, even by the establishment.',
    },
    patterns: [
      `(?:enquete|enquetes|audit|inspection) (?:interne|internes|administrative|administratives|de la direction)`,
      `(?:procedure|procedures|mesure|mesures|sanction|sanctions|commission|conseil|poursuites?) (?:disciplinaires?|de discipline)`,
      `(?:suspendu|suspendue|suspendus|suspendues) (?:a titre conservatoire|de ses fonctions|de leurs fonctions)`,
      `(?:fait|faire|fera|font) l'objet (?:d'un|d'une) (?:avertissement|blame|sanction|mutation|suspension|licenciement|procedure|mise a pied|plainte|signalement|rappel a l'ordre)`,
      `(?:collegue|collegues|cadre|chef|cheffe|dr|docteur|interne|infirmiere|infirmier|aide-soignante|aide-soignant|medecin|agent|agents|brancardier|secretaire|ash|ide|soignant|soignante|praticien|employe|employee|salarie|salariee) ${gap(4)}(?:a ete|ont ete|sera|seront|va etre|vont etre) (?:sanctionne|sanctionnee|sanctionnes|licencie|licenciee|licencies|blame|blamee|radie|radiee|suspendu|suspendue|suspendus|mute|mutee|mutes)`,
      `(?:mute|mutee|mutes|mutees) d'office`,
      `(?:la cle|les cles) (?:du coffre |de l'armoire |de la pharmacie |des stups |des stupefiants |du local |de la reserve )?(?:est|sont|reste|restent) (?:toujours )?(?:sur|sous|derriere|a cote du|a cote de la|cachee|cachees)`,
      `(?:mis|mise|mises) a pied|licencie pour faute|licenciee pour faute|convoque(?:e)? (?:chez|a) la (?:drh|direction)|blame (?:inscrit|au dossier)`,
      `(?:collegue|collegues|cadre|chef|cheffe|dr|docteur|interne|infirmiere|infirmier|aide-soignante|aide-soignant|medecin|il|elle) ${gap(4)}(?:est|sont|etait) (?:juste |encore |toujours )?en (?:arret maladie|arret de travail|burn-out|burn out|burnout|depression|longue maladie)`,
      `${NUMBER} (?:arrets maladie|arrets de travail|burn-out|burn out|demissions|departs|mutations) ${gap(3)}(?:dans l'equipe|dans le service|ce mois|cette annee|ce trimestre|cette semaine|en \\d+ mois|depuis)`,
    ],
  },
  {
    officialMayPublish: false,
    why: {
      fr: "un document ou une information interne n'a pas vocation à être publié ; le diffuser manque à la discrétion professionnelle.",
      en: 'an internal document or piece of information is not meant for publication; sharing it breaches professional discretion.',
    },
    patterns: [
      `(?:note|notes|mail|mails|courriel|document|compte rendu|compte-rendu|cr|circulaire|memo|diaporama|powerpoint) (?:de service|interne|internes|confidentiel|confidentielle|de la direction|du directoire|de la cme|du cse)`,
      `(?:info|infos|information|informations) (?:interne|internes|confidentielle|confidentielles|de l'interieur)`,
      `ne pas diffuser|diffusion restreinte|usage interne|document de travail`,
      `confidentiel(?:le)? ?:`,
      `(?:ca|cela) (?:ne )?sortira (?:jamais|pas) ${gap(2)}(?:officiellement|publiquement|dans la presse)?`,
      `(?:vous|tu) (?:ne )?(?:le )?(?:lirez|liras|verrez|verras|entendrez) (?:pas|jamais) (?:dans|sur) (?:le|les|la) (?:communique|communiques|presse|journal|site)`,
      `(?:votee|vote|decidee|decide|actee|acte|signee|signe|validee|valide|prevue|prevu) (?:en douce|en catimini|en secret|en loucedes|sans le dire)`,
      `(?:pas encore|pas) (?:officiel|annonce|officialise|public) (?:mais|,)`,
      // "chiffres pas encore présentés en CSE", "décision pas encore annoncée aux équipes"
      `(?:chiffres?|decision|decisions|info|infos|information|informations|projet|plan|fermeture|fermetures|reorganisation|restructuration|suppression|suppressions|fusion|rachat|liste|nouvelle|nouvelles) (?:pas encore|non encore|toujours pas|pas) (?:presentes?|presentees?|annonces?|annoncees?|publies?|publiees?|officiels?|officielles?|communiques?|communiquees?|valides?|validees?|officialises?|officialisees?|rendus? publics?|rendues? publiques?|diffuses?|diffusees?)`,
      `(?:ce sera|ce ne sera|ca sera|ca ne sera|ne sera|sera|ne sont|c'est) (?:pas|jamais) (?:encore )?(?:annonce|annonces|officiel|officialise|communique|rendu public) (?:avant|officiellement|publiquement|aux equipes|au personnel)`,
      `avant (?:l'annonce|la communication) officielle`,
      `gardez (?:ca|le|la|les) pour vous|garde (?:ca|le) pour toi|ca reste entre nous|que ca reste entre nous|ne le repetez pas|ne le repete pas|motus et bouche cousue`,
      `(?:etouffe|etouffent|etouffer|etouffee|etouffes) (?:l'affaire|l'histoire|le scandale)`,
      `(?:ils|on|la direction|le chu|l'hopital) ne (?:le |la |les |vous )?(?:diront|dira|communiquera|communiqueront|publiera|publieront|avouera|avoueront) (?:jamais|pas)`,
      `(?:la direction|ils|on nous) (?:cache|cachent) (?:les|ces) (?:chiffres|infos|informations)`,
    ],
  },
  {
    officialMayPublish: true,
    why: {
      fr: "une décision prise en réunion interne n'est pas encore annoncée ; c'est à l'établissement de la communiquer, au moment et avec les explications qu'il choisit.",
      en: 'a decision taken in an internal meeting has not been announced yet; the establishment communicates it, at the time and with the explanations it chooses.',
    },
    patterns: [
      `(?:acte|actee|actes|actees|decide|decidee|decides|decidees|vote|votee|votes|votees|valide|validee|valides|validees|tranche|tranchee|arbitre|arbitree|annonce|annoncee|dit|evoque|evoquee|prevu|prevue) ${gap(2)}(?:en|lors de la|lors du|lors d'une|a la|au|pendant la|pendant le|pendant une) (?:reunion (?:de pole|de service|des cadres|de cadres|de direction|d'encadrement|de crise|interne|restreinte)|codir|comite de direction|directoire|bureau de pole|conseil de pole|cellule de crise)`,
      `(?:en|lors de la|a la|pendant la) (?:reunion (?:de pole|des cadres|de cadres|de direction|d'encadrement|interne|restreinte)|codir|comite de direction) ${gap(6)}(?:on nous a (?:dit|annonce|appris)|ils ont (?:dit|annonce|decide|acte|vote)|la direction a (?:dit|annonce|decide|acte))`,
    ],
  },
  {
    officialMayPublish: false,
    why: {
      fr: "ces chiffres internes (lits, effectifs, attentes, absences) n'ont pas été publiés. Les diffuser manque à la discrétion et peut inquiéter les patients sans leur donner l'information officielle.",
      en: 'these internal figures (beds, staffing, waiting, absences) have not been published. Sharing them breaches discretion and may alarm patients without giving them official information.',
    },
    patterns: [
      `${NUMBER} (?:patients |personnes |malades |vieux |papis |mamies )?(?:sur (?:des |un )?brancards?|brancards? dans (?:le|les) couloirs?)`,
      `${NUMBER} (?:patients|personnes|malades) (?:en attente|qui attendent) (?:d'un lit|de lit|d'une place|d'hospit|d'hospitalisation)`,
      `il (?:nous )?manque ${NUMBER} (?:lits|postes|brancardiers|${COUNTED_STAFF})`,
      `${NUMBER} lits ${gap(4)}(?:fermes|supprimes|en moins|gele|geles|fermes cet ete|vont fermer|vont etre fermes|vont etre supprimes|ferment|fermeront|a fermer)`,
      `(?:fermeture|suppression|gel|on ferme|ils ferment|fermer|supprimer|geler|on supprime|ils suppriment|supprime|suppriment) (?:de |d')?${NUMBER} (?:lits|postes)`,
      `${NUMBER} postes? ${gap(4)}(?:vacants?|non pourvus?|supprimes?|gele|geles|non remplaces?|vont etre supprimes|vont sauter)`,
      `${NUMBER} ?% (?:d'absenteisme|d'absences|de turn-over|de turnover|de postes vacants)`,
      `(?:nuits?|journees?|week-ends?|gardes?) a ${NUMBER} ${COUNTED_STAFF} pour ${NUMBER} (?:lits|patients|residents|malades|chambres)`,
      `${NUMBER} ${COUNTED_STAFF} pour ${NUMBER} (?:lits|patients|residents|malades|chambres)`,
      `(?:taux d'occupation|taux de remplissage) ${gap(2)}(?:de |a )?${NUMBER} ?%`,
    ],
  },
  {
    officialMayPublish: true,
    why: {
      fr: "un incident ou une épidémie dans l'établissement s'annonce par le canal officiel, qui sait quoi dire aux patients et aux familles.",
      en: 'an incident or outbreak in the establishment is announced through the official channel, which knows what to tell patients and families.',
    },
    patterns: [
      `(?:cluster|clusters) (?:de |d')(?:gale|covid|grippe|norovirus|gastro|gastro-enterite|clostridium|bmr|bhre|legionellose|legionelle|tuberculose|rougeole|scabiose)`,
      // An outbreak "à la maison" is nobody's business; one in the unit is internal information.
      `(?:foyer|epidemie|cas) (?:de |d')(?:gale|covid|grippe|norovirus|gastro|gastro-enterite|clostridium|bmr|bhre|legionellose|legionelle|tuberculose|rougeole|scabiose) ${gap(3)}(?:dans|chez|en|au|a l') (?:le |la |l'|notre |mon |ma |nos |les )?(?:service|unite|etage|ehpad|residents|patients|hopital|hosto|chu|clinique|aile|pavillon|rea|reanimation|maternite|pediatrie|geriatrie|chir|chirurgie|nous)`,
      `erreur (?:de transfusion|transfusionnelle|d'administration|medicamenteuse|de dosage|de cote|de patient|d'identite|d'identitovigilance)`,
      `(?:evenement indesirable grave|evenements indesirables graves|eig|deces suspect)`,
      `${INCIDENT} ${gap(6)}(?:hier|cette nuit|ce matin|ce soir|cet aprem|aujourd'hui|la semaine derniere|ce week-end|ce we|avant-hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)`,
      // "encore une fugue d'un patient": a repeated incident, told by someone who saw it
      `encore (?:une|un) ${INCIDENT}`,
      `(?:boites|boite|instruments|materiel|respirateurs?|scopes?|pousse-seringues?|defibrillateurs?|stocks?|monitorings?|chariot d'urgence) ${gap(4)}(?:incompletes?|incomplets?|manquants?|en panne|hors service|perimes?|perimees?|en rupture|defectueux|defectueuses|pas verifies?|jamais verifies?)`,
      `(?:on a recu|nous avons recu|on a accueilli|on a pris en charge|ont ete admis|sont arrives) ${NUMBER} (?:blesses|victimes|morts|deces|urgences absolues|brules|intoxiques)`,
      `${NUMBER} ?% de grevistes`,
    ],
  },
];

/**
 * The groups as one matcher per kind of account, so that a post is scanned once; the tag of a
 * cue says which group it comes from.
 */
function matcherFor(groups: readonly DiscretionCue[]): { groups: readonly DiscretionCue[]; cues: CueSet } {
  return { groups, cues: taggedCues(groups.map((group) => group.patterns)) };
}
const FOR_STAFF = matcherFor(CUES);
const FOR_ESTABLISHMENT = matcherFor(CUES.filter((group) => !group.officialMayPublish));

export const discretionEvaluator: RuleEvaluator = {
  family: 'DISCR',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    // Members of the public owe no discretion.
    if (ctx.context === 'public') return [];
    const matcher = ctx.context === 'staff' ? FOR_STAFF : FOR_ESTABLISHMENT;
    const found = matcher.cues.findTagged(doc.folded);
    const group = found === null ? undefined : matcher.groups[found.group];
    if (found === null || group === undefined) return [];
    return [
      makeFinding('DISCR-01', peopleNear(doc, spans, found.cue, ['HEALTH']), {
        explanation: explainCue(doc, found.cue, group.why),
      }),
    ];
  },
};
