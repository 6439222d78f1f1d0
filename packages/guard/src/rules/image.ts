import type { Finding, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { CONSENT, PICTURE, thirdPartyMentions } from './patient-cues.js';

/**
 * What a text says about the picture it comes with (IMAGE-01, IMAGE-02, IMAGE-05): a patient on
 * the photo without consent, a care-area background with boards or screens, an operating scene
 * or a deceased person. The photo itself is checked by the image guard; the words around it
 * often say enough.
 */

const PRACTITIONER = /^(?:dr|pr|docteur|professeur)\b/u;
const PATIENT_ON_PICTURE =
  /(?:sur la photo|en photo|sa photo|la photo (?:de|du)|📸|🎥|🤳|selfie avec|video|reportage|filme|suivez)/u;
const BABY = /(?<![\p{L}])(?:bebe|nouveau-ne|nourrisson|le petit|la petite|premature)(?![\p{L}])/u;
const BACKGROUND =
  /(?:(?:tableau|ecran|planning|liste des patients|bracelet|dossier|whiteboard|board)(?: des entrees| des patients| du service)?[^.!?]{0,40}(?:derriere|au fond|arriere-plan|en fond|on voit)|(?:derriere moi|en arriere-plan|au fond)[^.!?]{0,40}(?:tableau|ecran|planning|dossier|bracelet)|liste des patients[^.!?]{0,30}en photo)/u;
const DIGNITY =
  /(?:(?:salle d'op|au bloc|en salle de bloc|bloc operatoire)[^.!?]{0,80}(?:le patient dort|endormi|anesthesie|il verra rien|trend|danse)|(?:trend|danse|tiktok)[^.!?]{0,40}(?:salle d'op|au bloc|bloc operatoire)|(?:sa photo|la photo|photo)[^.!?]{0,40}(?:sur son lit|decede|defunt|parti cette nuit|mort)|(?:parti cette nuit|decede|defunt)[^.!?]{0,60}(?:sa photo|la photo|en photo))/u;

export const imageEvaluator: RuleEvaluator = {
  family: 'IMAGE',
  evaluate({ doc, spans, ctx }: RuleInput): Finding[] {
    if (ctx.context === 'public' || ctx.context === 'reply') return [];
    const folded = doc.folded;
    const findings: Finding[] = [];
    const identifying: readonly SpanType[] = ['PERSON', 'AGE', 'HEALTH', 'UNIT', 'DATE', 'ROOM'];
    const cited = spans.filter(
      (span) =>
        identifying.includes(span.type) &&
        !(span.type === 'PERSON' && PRACTITIONER.test(folded.slice(span.start, span.end))),
    );
    const patients = cited.filter((span) => span.type === 'PERSON').length + thirdPartyMentions(doc).length;
    const careDetail = cited.some((span) => span.type === 'HEALTH' || span.type === 'UNIT');
    if (
      PICTURE.test(folded) &&
      PATIENT_ON_PICTURE.test(folded) &&
      (patients > 0 || BABY.test(folded)) &&
      careDetail &&
      !CONSENT.test(folded)
    ) {
      findings.push(makeFinding('IMAGE-01', cited));
    }
    if (BACKGROUND.test(folded)) findings.push(makeFinding('IMAGE-02', []));
    if (DIGNITY.test(folded)) findings.push(makeFinding('IMAGE-05', []));
    return findings;
  },
};
