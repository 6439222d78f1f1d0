import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client';
import { type FormLimits, MAX_SCREENSHOTS } from '../api/types';

/** Until the server answers: its defaults (5 files, 10 MB, 20 characters without a link). */
const DEFAULT_LIMITS: FormLimits = {
  maxScreenshots: MAX_SCREENSHOTS,
  maxFileBytes: 10 * 1024 * 1024,
  minDescriptionWithoutLink: 20,
};

/** The report form's limits as the server enforces them (its file size is configurable). */
export function useFormLimits(): FormLimits {
  const query = useQuery({
    queryKey: ['report-form-limits'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/reports/form-limits', { signal })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return query.data ?? DEFAULT_LIMITS;
}

/** Megabytes as people say them: « 10 », « 2,5 » (one decimal at most). */
export function megabytes(bytes: number, language: string): string {
  return (Math.round((bytes / (1024 * 1024)) * 10) / 10).toLocaleString(language);
}
