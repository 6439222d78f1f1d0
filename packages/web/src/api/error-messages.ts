import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';

/**
 * What to show for a failed request. The server's `detail` is French and often more precise
 * (it names the field, the time a lock ends): in French it is shown as is. In English the stable
 * `code` picks a translated sentence under `apiErrors.*`; a code without one falls back to the
 * French detail rather than to a vague « something went wrong ».
 */
export function errorMessage(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (!language.startsWith('en')) return error.detail;
  const key = `apiErrors.${error.code}`;
  if (!t(key, { lng: 'en', defaultValue: '' })) return error.detail;
  return t(key, { lng: 'en', fields: fieldList(error) });
}

/** « email, password »: the fields a validation error names, for the English sentence. */
function fieldList(error: ApiError): string {
  const fields = [...new Set(error.fieldErrors.map((entry) => entry.field))];
  return fields.length === 0 ? '—' : fields.join(', ');
}

/** The same, bound to the current language: `const message = useErrorMessage(); message(error)`. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => errorMessage(error, t, i18n.language), [t, i18n.language]);
}
