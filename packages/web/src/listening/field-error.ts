import { ApiError } from '../api/client';

/**
 * The server's French sentence for one field of a refused form (`settings.url`, `target`…), or
 * undefined: shown under that field, while the whole refusal is shown above the form.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldErrors.find((entry) => entry.field === field)?.message;
}
