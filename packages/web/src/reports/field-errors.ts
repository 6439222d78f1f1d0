import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client';

/**
 * The server's sentence for each wrong field, under that field: French as the server wrote it;
 * in another language, the translation of its stable code (the server's sentence when there is
 * none). The first sentence for a field is kept: it is the one to fix first.
 */
export function fieldErrorMessages(
  error: ApiError,
  t: TFunction,
  language: string,
  values: Record<string, unknown> = {},
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const entry of error.fieldErrors) {
    if (messages[entry.field] !== undefined) continue;
    const key = `reporting.fieldErrors.${entry.code ?? ''}`;
    const translated =
      language.startsWith('fr') || entry.code === undefined ? '' : t(key, { ...values, defaultValue: '' });
    messages[entry.field] = translated === '' ? entry.message : translated;
  }
  return messages;
}
