import { NETWORKS } from '@blouse/contract';
import { z } from 'zod';
import { badRequest } from '../http/problem.js';
import { isSafeLine, isSafeText } from '../http/safe-text.js';

// The networks a report may name are the shared vocabulary's, so the desk and the web name them alike.
export { NETWORKS, type Network } from '@blouse/contract';

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

/** Without a link, the desk works from a description and a screenshot: this much text at least. */
export const MIN_DESCRIPTION_WITHOUT_LINK = 20;

/** The French sentence shown under each field; zod's own wording never reaches a person. */
export const FIELD_MESSAGES = {
  urlTooLong: `Le lien est trop long (${MAX_URL_LENGTH.toLocaleString('fr-FR')} caractères au plus).`,
  urlInvalid:
    'Collez l’adresse complète du message, commençant par https:// (sans identifiant ni mot de passe).',
  unsafe: 'Ce champ contient un caractère interdit (caractère nul ou caractère Unicode incomplet).',
  network: 'Choisissez le réseau ou le lieu où le message a été vu.',
  tooLong: (max: number) => `Ce texte est trop long (${max.toLocaleString('fr-FR')} caractères au plus).`,
  dateInvalid: 'Indiquez une date valide (jour, mois, année).',
  dateFuture: 'La date de publication ne peut pas être dans le futur.',
  anonymous: 'Choisissez si le signalement est anonyme ou non.',
  descriptionWithoutLink: `Sans lien, décrivez le message (extrait ou note) en ${MIN_DESCRIPTION_WITHOUT_LINK} caractères au moins.`,
  screenshotWithoutLink: 'Sans lien, joignez au moins une capture d’écran du message.',
} as const;

/**
 * The stable code of each sentence, sent beside it: the web app shows the French sentence as is
 * and translates by code in other languages.
 */
const CODES: ReadonlyMap<string, string> = new Map([
  [FIELD_MESSAGES.urlTooLong, 'lien_trop_long'],
  [FIELD_MESSAGES.urlInvalid, 'lien_invalide'],
  [FIELD_MESSAGES.unsafe, 'caractere_interdit'],
  [FIELD_MESSAGES.network, 'reseau_requis'],
  ...[5_000, 2_000, 500].map((max) => [FIELD_MESSAGES.tooLong(max), 'texte_trop_long'] as const),
  [FIELD_MESSAGES.dateInvalid, 'date_invalide'],
  [FIELD_MESSAGES.dateFuture, 'date_future'],
  [FIELD_MESSAGES.anonymous, 'anonyme_invalide'],
  [FIELD_MESSAGES.descriptionWithoutLink, 'description_requise'],
  [FIELD_MESSAGES.screenshotWithoutLink, 'capture_requise'],
]);

/**
 * Clients may leave fields out or send them empty: both mean « not given ». NUL and lone
 * surrogates are refused (a 400, not PostgreSQL's 500, and the same text on both databases).
 */
const optionalText = (max: number) =>
  z
    .string({ error: FIELD_MESSAGES.tooLong(max) })
    .max(max, { error: FIELD_MESSAGES.tooLong(max) })
    .refine(isSafeText, { error: FIELD_MESSAGES.unsafe })
    .default('');

/**
 * The publication date, a day (2026-10-30) or an instant with its offset. The check that it is
 * not in the future needs the clock, hence a function of `now`; a few minutes of slack absorb a
 * phone whose clock runs ahead.
 */
function publicationDate(now: Date) {
  const slackMs = 5 * 60_000;
  return z
    .union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true })], {
      error: FIELD_MESSAGES.dateInvalid,
    })
    .optional()
    .transform((value) => (value === undefined || value === '' ? null : new Date(value).toISOString()))
    .refine((value) => value === null || Date.parse(value) <= now.getTime() + slackMs, {
      error: FIELD_MESSAGES.dateFuture,
    });
}

/** The link, optional: a message seen in a private group, a story or on paper has none. */
const link = z
  .string({ error: FIELD_MESSAGES.urlInvalid })
  .trim()
  .max(MAX_URL_LENGTH, { error: FIELD_MESSAGES.urlTooLong })
  // A link is one line: no controls, no invisible marks, no direction overrides that disguise
  // where it leads (« https://a.fr/\u202Egpj.exe »).
  .refine(isSafeLine, { error: FIELD_MESSAGES.unsafe, abort: true })
  .refine((value) => value === '' || isPublicWebAddress(value), { error: FIELD_MESSAGES.urlInvalid })
  .default('');

export function reportFormSchema(now: Date) {
  return z.object({
    url: link,
    network: z.enum(NETWORKS, { error: FIELD_MESSAGES.network }),
    excerpt: optionalText(5_000),
    seen_where: optionalText(500),
    note: optionalText(2_000),
    first_published_at: publicationDate(now),
    anonymous: z
      .enum(['true', 'false'], { error: FIELD_MESSAGES.anonymous })
      .default('false')
      .transform((value) => value === 'true'),
  });
}

export type ReportForm = z.output<ReturnType<typeof reportFormSchema>>;

export interface FieldError {
  readonly field: string;
  readonly message: string;
  readonly code: string;
}

const fieldError = (field: string, message: string): FieldError => ({
  field,
  message,
  code: CODES.get(message) ?? 'valeur_invalide',
});

/**
 * A report without a link must still let the desk act: a description (the excerpt or a note) of
 * some substance and at least one screenshot, the only trace of a story or a private post.
 */
function withoutLinkErrors(form: ReportForm, screenshotCount: number): FieldError[] {
  if (form.url !== '') return [];
  const errors: FieldError[] = [];
  const description = Math.max(form.excerpt.trim().length, form.note.trim().length);
  if (description < MIN_DESCRIPTION_WITHOUT_LINK) {
    errors.push(fieldError('excerpt', FIELD_MESSAGES.descriptionWithoutLink));
  }
  if (screenshotCount === 0) errors.push(fieldError('screenshots', FIELD_MESSAGES.screenshotWithoutLink));
  return errors;
}

/**
 * The form's text fields, checked; otherwise a French 400 whose `errors` hold one sentence per
 * wrong field (the web form shows each under its field). `screenshotCount` is the number of
 * files received, for the rule of a report without a link.
 */
export function parseReportForm(
  fields: Readonly<Record<string, string>>,
  now: Date,
  screenshotCount = 0,
): ReportForm {
  const parsed = reportFormSchema(now).safeParse(fields);
  const errors: FieldError[] = parsed.success
    ? withoutLinkErrors(parsed.data, screenshotCount)
    : firstPerField(
        parsed.error.issues.map((issue) => fieldError(String(issue.path[0] ?? 'formulaire'), issue.message)),
      );
  if (parsed.success && errors.length === 0) return parsed.data;
  const first = errors[0];
  throw badRequest(
    'donnees_invalides',
    first === undefined ? 'Le formulaire est incomplet.' : `Signalement à corriger : ${first.message}`,
    errors,
  );
}

/** One sentence per field: the first problem found is the one to fix. */
function firstPerField(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.field) && seen.add(error.field));
}
