import type { Span, SpanType } from './types.js';

/** What a reader sees in place of a redacted span. */
export const PLACEHOLDERS: Record<SpanType, string> = {
  PERSON: '[NOM]',
  HANDLE: '[COMPTE]',
  AGE: '[ÂGE]',
  DATE: '[DATE]',
  ROOM: '[CHAMBRE]',
  UNIT: '[SERVICE]',
  PLACE: '[LIEU]',
  HEALTH: '[SANTÉ]',
  NIR: '[NIR]',
  PHONE: '[TÉLÉPHONE]',
  EMAIL: '[E-MAIL]',
  ADDRESS: '[ADRESSE]',
  HOSPITAL_ID: '[N° PATIENT]',
  PLATE: '[IMMATRICULATION]',
};

/**
 * Replaces each span by its placeholder. Overlapping spans are merged into the first one's
 * placeholder so that no fragment of an identifier survives between two placeholders.
 */
export function redact(text: string, spans: readonly Span[]): string {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const span of ordered) {
    const start = Math.max(span.start, cursor);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    out += text.slice(cursor, start);
    if (start === span.start) out += PLACEHOLDERS[span.type];
    cursor = end;
  }
  return out + text.slice(cursor);
}
