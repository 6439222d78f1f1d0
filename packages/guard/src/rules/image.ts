import { WORD_END } from '../text/words.js';
import type { Finding, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { CONSENT, DISGUISE, PICTURE, SINGLE_PARENT_CONSENT, specificThirdParties } from './patient-cues.js';
import { patientNames } from './staff-people.js';

/**
 * What a text says about the picture it comes with (IMAGE-01, IMAGE-02, IMAGE-05): a patient on
 * the photo without consent, a care-area background with boards, screens or wristbands, an
 * operating scene, a wound shown for effect or a deceased person. The photo itself is checked by
 * the image guard; the words around it often say enough. A patient recognisable on a picture is
 * also a breach of secrecy (SECRET-01).
 */

const BABY =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:bebes?|nouveau-nee?s?|nourrissons?|premature|couveuse|le petit|la petite|mon chouchou|ma chouchoute)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;
/** "la photo de Jade", "une vidéo avec Lucas": a first name on a picture (checked on the original text). */
const PICTURE_OF_NAME =
  /(?:photos?|vid[ée]os?|selfies?) (?:de|d'|avec) (?!l['’]|la |le |les |notre |nos |toute )\p{Lu}\p{Ll}+/u;

/** Every pattern below needs one of these words; most posts have none. */
const ANY_IMAGE_WORD =
  /📸|🎥|📷|🤳|📹|photo|selfie|video|reportage|image|film|floute|scope|moniteur|poste de soins|salle de soins|abces|kyste|attache|contention|tiktok|reel|story|stories|pov|live|tableau|ecran|planning|liste des|bracelet|dossier|derriere|arriere-plan|au fond|on voit|poignet|bloc|salle d'op|trend|danse|endormi|anesthesi|champ operatoire|lit de mort|decede|defunt|depouille|escarre|plaie|blessure|lesion|brulure|moignon|fracture/u;

/** Patients as a group, said to be on the picture ("merci aux patients qui ont dansé … la vidéo"). */
const GROUP_ON_PICTURE =
  /(?:(?<!tableau |liste |noms? )(?:des|les|aux|nos) (?:patients|residents|malades|enfants hospitalises)[^.!?]{0,80}(?:video|photo|filme)|(?:video|photo|filme)[^.!?]{0,60}(?<!tableau |liste )(?:des|les|aux|nos) (?:patients|residents|malades))/u;
const CARE_PLACE =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:hopital|hosto|clinique|chambre|lit|service|urgences|rea|bloc|ehpad|couveuse|brancard|box|soins)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;
const FILMED_SOMEONE =
  /(?:j'ai |jai |on a |je l'ai |je les ai )?(?:filme|filmee|photographie|photographiee|pris en photo|en photo|en video)[^.!?]{0,80}(?:le |la |les |un |une |mon |ma |notre |cette |ce )?(?:papy|mamie|patiente?s?|dame|monsieur|voisine?|residente?s?|malade|gamine?|bebe)|(?:papy|mamie|patiente?s?|dame|voisine?|residente?s?)[^.!?]{0,40}(?:filme|photographie|en photo|en video)/u;
const BACKGROUND =
  /(?:(?:tableau|ecran|planning|liste des patients|bracelets?|dossier|whiteboard|board|etiquette)(?: blanc)?(?: des entrees| des patients| du service| patients?)?[^.!?]{0,60}(?:derriere|au fond|arriere-plan|en fond|on voit|visible|lisible)|(?:derriere (?:moi|nous|eux|elles?|lui|l'equipe)|en arriere-plan|au fond)[^.!?]{0,50}(?:tableau|ecran|planning|dossier|bracelet|nom)|liste des patients[^.!?]{0,30}(?:en photo|photo)|on voit (?:a peine |bien |encore |quand meme )?(?:son|le|leur|les) (?:noms?|scopes?|ecrans?|moniteurs?|dossiers?)|poignet d'une? patiente?|tableau (?:blanc )?des (?:entrees|admissions|patients|lits)|(?:selfie|photo)[^.!?]{0,40}(?:au|devant le|dans le|en) (?:poste de soins|salle de soins|box|couloir des urgences)|(?:scopes?|ecrans?|moniteurs?) derriere)/u;
const DIGNITY = new RegExp(
  [
    "(?:salle d'op|au bloc|en salle de bloc|bloc operatoire)[^.!?]{0,80}(?:le patient dort|endormi|anesthesie|il verra rien|trend|danse|champ operatoire)",
    "(?:trend|danse|tiktok)[^.!?]{0,40}(?:salle d'op|au bloc|bloc operatoire)",
    '(?:patiente?|malade) (?:endormie?|anesthesiee?|intubee?)[^.!?]{0,40}(?:visible|filme|en video|champ operatoire)',
    'champ operatoire visible',
    '(?:photos?|videos?)[\\s\\S]{0,120}(?:sur son lit|lit de mort|decedee?|defunte?|sa depouille|son corps|repose)',
    '(?:parti cette nuit|decedee?|defunte?|lit de mort|depouille)[\\s\\S]{0,120}(?:photos?|videos?)',
    '(?:regardez|regarde|voici)[^.!?]{0,30}(?:cette|cet|ce|sa|son) (?:escarre|plaie|blessure|fracture ouverte|lesion|brulure|moignon)',
    '(?:escarre|plaie|blessure|lesion|brulure)[^.!?]{0,60}(?:photos?|video)[^.!?]{0,30}(?:coms?|commentaires?|ames sensibles)',
    // An operation filmed or photographed for an audience.
    "(?:bloc operatoire|au bloc|salle d'op|en salle d'operation)[^.!?]{0,60}(?:🎥|📸|video|photo|filme|en direct|on vous emmene)",
    "(?:🎥|📸|video|photo|filme)[^.!?]{0,60}(?:bloc operatoire|au bloc|salle d'op|pendant (?:la pose|l'operation|l'intervention))",
    // A wound, an abscess or a body shown for effect.
    '(?:abces|kyste|plaie|escarre|fracture ouverte|furoncle|ongle incarne)[^.!?]{0,60}(?:video|photo)[^.!?]{0,40}(?:🤢|🤮|satisfying|ames sensibles)',
    '(?:video|photo)[^.!?]{0,40}(?:🤢|🤮)',
    // A patient restrained or in crisis, filmed.
    '(?:filme|video|photo)[^.!?]{0,80}(?:attachee?|contentionnee?|sous contention|en pleine crise|denudee?|nue?)' +
      WORD_END,
  ].join('|'),
  'u',
);

export const imageEvaluator: RuleEvaluator = {
  family: 'IMAGE',
  evaluate({ doc, spans, ctx }: RuleInput): Finding[] {
    const folded = doc.folded;
    const findings: Finding[] = [];
    // Nothing about a picture, a background or a body: the long patterns need not run.
    if (!ANY_IMAGE_WORD.test(folded)) return findings;
    const identifying: readonly SpanType[] = ['PERSON', 'AGE', 'HEALTH', 'UNIT', 'DATE', 'ROOM'];
    const patientsNamed = new Set(
      patientNames(
        doc,
        spans.filter((span) => span.type === 'PERSON'),
      ),
    );
    const cited = spans.filter(
      (span) => identifying.includes(span.type) && (span.type !== 'PERSON' || patientsNamed.has(span)),
    );
    const patients =
      cited.filter((span) => span.type === 'PERSON').length +
      specificThirdParties(doc).length +
      (GROUP_ON_PICTURE.test(folded) ? 1 : 0) +
      (PICTURE_OF_NAME.test(doc.text) ? 1 : 0);

    const careDetail = cited.some(
      (span) => span.type === 'HEALTH' || span.type === 'UNIT' || span.type === 'ROOM',
    );
    const consent = CONSENT.test(folded) && !SINGLE_PARENT_CONSENT.test(folded);
    const picture = PICTURE.test(folded);
    const disguised = picture && DISGUISE.test(folded);

    // The establishment's and staff's own pictures, and replies re-sharing them; a member of the
    // public filming another patient.
    const ownPicture =
      ctx.context !== 'public' &&
      picture &&
      (patients > 0 || BABY.test(folded) || disguised) &&
      (careDetail || CARE_PLACE.test(folded) || BABY.test(folded) || disguised);
    const filmsOthers = FILMED_SOMEONE.test(folded) && CARE_PLACE.test(folded);
    if ((ownPicture || filmsOthers) && !consent) {
      findings.push(makeFinding('IMAGE-01', cited));
      // A blurred face does not anonymise (SECRET-02); otherwise the patient is simply shown.
      findings.push(makeFinding(disguised ? 'SECRET-02' : 'SECRET-01', cited));
    }
    if (BACKGROUND.test(folded) && (picture || ctx.context !== 'public'))
      findings.push(makeFinding('IMAGE-02', []));
    if (DIGNITY.test(folded)) findings.push(makeFinding('IMAGE-05', []));
    return findings;
  },
};
