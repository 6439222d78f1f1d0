import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * Hospital identifiers: IPP (patient), NDA (stay), file, stay, admission or complaint numbers.
 * Their formats are site-specific, so the shape alone proves nothing: the recognizer only fires
 * on an identifier announced by a label ("IPP 8004…", "n° de dossier : 2023-004512",
 * "enregistrée sous le numéro RU-2024-0412") and the span is the identifier, not the label.
 * Lists after one label ("IPP 8004519302 et 8004519320") are followed.
 */

// Labels, folded. "n°" keeps its degree sign after folding; "nº" folds to "no".
const STRONG_LABEL = String.raw`ipp|nda|nip|iep|(?:n°|no|num(?:ero)?)\s?(?:de |d'|du )?(?:dossier|sejour|patient|admission|venue|hospitalisation|passage|reclamation|plainte|episode)(?: (?:patient|medical|administratif))?|identifiant (?:du |de |d')?(?:patient|sejour|dossier)|id (?:patient|sejour)`;
const WEAK_LABEL = `dossier(?: patient| medical| administratif)?|reference (?:du )?dossier`;
const REFERENCE_LABEL = `sous (?:le )?(?:numero|n°|no|la reference|reference)`;
const LABEL = new RegExp(`\\b(?:(${STRONG_LABEL})|(${WEAK_LABEL})|(${REFERENCE_LABEL}))(?![a-z0-9])`, 'g');

// What may stand between a label and its identifier: ":", "n°", "no.", "#" ("no" only as a
// word of its own, so that an identifier like "NOR123" keeps its letters). Bounded runs of
// spaces keep the match work constant per label.
const ID_SEGMENT = `[a-z0-9]+(?:[-/.][a-z0-9]+){0,5}`;
const AFTER_LABEL = new RegExp(
  String.raw`[ \t]{0,3}(?:[:#=][ \t]{0,3})?(?:(?:n°|#|(?:no|num|numero)(?:\.|(?=[ \t:])))[ \t]{0,3}:?[ \t]{0,3})?(${ID_SEGMENT})`,
  'y',
);
const LIST_NEXT = new RegExp(
  String.raw`[ \t]{0,3}(?:,|et|ou|/|&)[ \t]{0,3}(?:(?:n°|no)[ \t]{0,2})?(${ID_SEGMENT})`,
  'y',
);

const DATE_LIKE = /^\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?$/;
const YEAR_LIKE = /^(?:19|20)\d\d$/;
const MAX_LIST = 6;

type LabelKind = 'strong' | 'weak' | 'reference';

function digitCount(id: string): number {
  let count = 0;
  for (const char of id) if (char >= '0' && char <= '9') count++;
  return count;
}

/** Whether `id` can be an identifier announced by a label of this kind. */
function acceptableId(id: string, kind: LabelKind): boolean {
  const alnum = id.replace(/[-/.]/g, '');
  if (alnum.length < 4 || DATE_LIKE.test(id)) return false;
  const digits = digitCount(id);
  if (digits < 3) return false;
  if (kind === 'strong') return true;
  // "le dossier 2024" is a year; "sous le numéro 0800…" a phone number; a reference must look
  // like one: long enough, or built of segments ("RU-2024-0412", "2023-004512").
  if (YEAR_LIKE.test(id)) return false;
  const segmented = alnum.length !== id.length;
  if (kind === 'weak') return segmented || digits >= 5;
  return segmented || (/[a-z]/.test(id) && digits >= 3);
}

const SCORES: Record<LabelKind, number> = { strong: 0.9, weak: 0.75, reference: 0.7 };

export const hospitalIdRecognizer: Recognizer = {
  name: 'hospital-id',
  find(doc: GuardDocument, _ctx: RecognizerContext): Span[] {
    const { folded } = doc;
    const spans: Span[] = [];
    for (const label of folded.matchAll(LABEL)) {
      const kind: LabelKind =
        label[1] !== undefined ? 'strong' : label[2] !== undefined ? 'weak' : 'reference';
      AFTER_LABEL.lastIndex = label.index + label[0].length;
      const first = AFTER_LABEL.exec(folded);
      const firstId = first?.[1];
      if (first === null || firstId === undefined || !acceptableId(firstId, kind)) continue;
      const evidence = `identifiant annoncé par « ${doc.text.slice(label.index, label.index + label[0].length)} »`;
      let end = AFTER_LABEL.lastIndex;
      spans.push(span(end - firstId.length, end, SCORES[kind], evidence));
      // Further identifiers of the same make after the same label.
      for (let count = 1; count < MAX_LIST; count++) {
        LIST_NEXT.lastIndex = end;
        const next = LIST_NEXT.exec(folded);
        const nextId = next?.[1];
        if (next === null || nextId === undefined) break;
        if (!acceptableId(nextId, kind) || Math.abs(nextId.length - firstId.length) > 2) break;
        end = LIST_NEXT.lastIndex;
        spans.push(span(end - nextId.length, end, SCORES[kind], evidence));
      }
    }
    return spans;
  },
};

function span(start: number, end: number, score: number, evidence: string): Span {
  return { type: 'HOSPITAL_ID', start, end, score, recognizer: 'hospital-id', evidence };
}
