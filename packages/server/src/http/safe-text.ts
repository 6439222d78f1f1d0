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
