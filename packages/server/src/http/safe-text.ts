import { z } from 'zod';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text that every database stores as it was sent: no NUL (PostgreSQL refuses it in text columns)
 * and no lone surrogate (stored as U+FFFD, which would change what was hashed for the evidence
 * chain). Refused with a French message rather than silently altered.
 */
export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

export const UNSAFE_TEXT_MESSAGE = 'caractère interdit (caractère nul ou caractère Unicode incomplet)';

/** A bounded string of safe text. */
export function safeText(min: number, max: number) {
  return z.string().min(min).max(max).refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });
}

/*
 * Characters that change how a line is displayed without being seen: C0 and C1 controls (line
 * breaks included), the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069: « Trojan Source », a name or an address shown backwards), the left-to-right,
 * right-to-left and Arabic letter marks, zero-width space, Mongolian vowel separator, word joiner
 * and invisible operators, and the byte order mark. Zero-width (non-)joiners U+200C/U+200D stay
 * allowed: Persian and Indic names and emoji sequences need them.
 */
const INVISIBLE = new Set([0x061c, 0x200b, 0x200e, 0x200f, 0x180e, 0xfeff]);

/** A code unit among the characters above (a loop rather than a regular expression of controls). */
function isInvisibleOrControl(unit: number): boolean {
  return (
    unit <= 0x1f ||
    (unit >= 0x7f && unit <= 0x9f) ||
    (unit >= 0x202a && unit <= 0x202e) ||
    (unit >= 0x2060 && unit <= 0x2064) ||
    (unit >= 0x2066 && unit <= 0x2069) ||
    INVISIBLE.has(unit)
  );
}

/**
 * A single line that names something or points somewhere (a person's name, an e-mail, an
 * address, a client id): safe text without controls or invisible direction changes. Free text
 * (a post's copy, a note) keeps isSafeText: a post written in Arabic may carry these marks, and
 * evidence must keep them as they were.
 */
export function isSafeLine(value: string): boolean {
  if (!isSafeText(value)) return false;
  for (let index = 0; index < value.length; index += 1) {
    if (isInvisibleOrControl(value.charCodeAt(index))) return false;
  }
  return true;
}

/**
 * The same line with what isSafeLine refuses taken out, for text that arrives from elsewhere and
 * cannot be refused to a person (the name an identity provider announces).
 */
export function toSafeLine(value: string): string {
  let kept = '';
  for (const char of value) {
    const unit = char.charCodeAt(0);
    // A lone surrogate is a one-unit string in a surrogate range.
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) continue;
    if (!isInvisibleOrControl(unit)) kept += char;
  }
  return kept;
}

export const UNSAFE_LINE_MESSAGE =
  'caractère interdit (caractère de contrôle, caractère invisible ou inversion du sens d’écriture)';

/** A bounded single line of safe text, trimmed. */
export function safeLine(min: number, max: number) {
  return z.string().trim().min(min).max(max).refine(isSafeLine, { message: UNSAFE_LINE_MESSAGE });
}

/**
 * An identifier in a path or a query (UUIDs, and the letters, digits, « - » and « _ » of any
 * other id): checked before any query, so that a NUL or an odd character is a 400 on both
 * databases rather than PostgreSQL's 500.
 */
export const safeId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, { message: 'identifiant invalide (lettres, chiffres, « - » et « _ »)' });
