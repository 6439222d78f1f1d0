import { z } from 'zod';
import { badRequest } from '../http/problem.js';
import { isSafeText, safeText, UNSAFE_TEXT_MESSAGE } from '../http/safe-text.js';

export const NETWORKS = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'linkedin',
  'youtube',
  'bluesky',
  'mastodon',
  'threads',
  'google_reviews',
  'doctolib',
  'forum',
  'press',
  'other',
] as const;
export type Network = (typeof NETWORKS)[number];

export const MAX_URL_LENGTH = 2_048;
export const MAX_SCREENSHOTS = 5;
/** The text fields a report form may carry; any other field is refused. */
export const REPORT_FIELDS = [
  'url',
  'network',
  'excerpt',
  'seen_where',
  'note',
  'first_published_at',
  'anonymous',
];

/** A web address the desk can open: http(s), a host, no credentials, no spaces or controls. */
function isPublicWebAddress(value: string): boolean {
  if (/[\s\p{Cc}]/u.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * Clients may leave fields out or send them empty: both mean « not given ». NUL and lone
 * surrogates are refused (a 400, not PostgreSQL's 500, and the same text on both databases).
 */
const optionalText = (max: number) => safeText(0, max).default('');

/**
 * The publication date, a day (2026-10-30) or an instant with its offset. The check that it is
 * not in the future needs the clock, hence a function of `now`; a few minutes of slack absorb a
 * phone whose clock runs ahead.
 */
function publicationDate(now: Date) {
  const slackMs = 5 * 60_000;
  return z
    .union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true })])
    .optional()
    .transform((value) => (value === undefined || value === '' ? null : new Date(value).toISOString()))
    .refine((value) => value === null || Date.parse(value) <= now.getTime() + slackMs, {
      message: 'la date de publication ne peut pas être dans le futur',
    });
}

export function reportFormSchema(now: Date) {
  return z.object({
    url: z
      .string()
      .trim()
      .min(1)
      .max(MAX_URL_LENGTH)
      .refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE })
      .refine(isPublicWebAddress, {
        message: 'adresse web http(s) attendue, sans identifiant ni mot de passe',
      }),
    network: z.enum(NETWORKS),
    excerpt: optionalText(5_000),
    seen_where: optionalText(500),
    note: optionalText(2_000),
    first_published_at: publicationDate(now),
    anonymous: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
  });
}

export type ReportForm = z.output<ReturnType<typeof reportFormSchema>>;

/** The form's text fields, checked; a French 400 naming each wrong field otherwise. */
export function parseReportForm(fields: Readonly<Record<string, string>>, now: Date): ReportForm {
  const parsed = reportFormSchema(now).safeParse(fields);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.') || 'formulaire',
    message: issue.message,
  }));
  const first = errors[0];
  throw badRequest(
    'donnees_invalides',
    first === undefined ? 'Données invalides.' : `Champ « ${first.field} » : ${first.message}.`,
    errors,
  );
}
