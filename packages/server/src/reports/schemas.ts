import { z } from 'zod';
import { binarySchema, component } from '../http/openapi.js';
import { safeText } from '../http/safe-text.js';
import { statusSchema } from '../incidents/schemas.js';
import { MAX_SCREENSHOTS, MAX_URL_LENGTH, MIN_DESCRIPTION_WITHOUT_LINK, NETWORKS } from './report-form.js';

/** Ids reach SQL: a NUL would make PostgreSQL fail (500) instead of a French 400. */
const id = safeText(1, 100);

export const establishmentParams = z.object({ establishmentId: id });
export const fileParams = z.object({ establishmentId: id, reportId: id, fileId: id });

export const filedReportResponse = z.object({
  reportId: z.string(),
  incidentReference: z.string(),
  receivedAt: z.string(),
  acknowledgement: z.string(),
  followUpCode: z
    .string()
    .optional()
    .describe('Seulement pour un signalement anonyme ; affiché une seule fois.'),
});

export const outcomeResponse = z.object({
  reportId: z.string(),
  url: z.string(),
  network: z.string(),
  createdAt: z.string(),
  incidentReference: z.string().nullable(),
  status: statusSchema.nullable(),
  statusLabel: z.string(),
  outcome: z
    .string()
    .describe('Une phrase simple sur la suite donnée ; jamais les décisions internes de la cellule.'),
});

export const mineResponse = z.object({ reports: z.array(outcomeResponse) });

export const followUpBody = z.object({
  code: z
    .string({ error: 'Saisissez votre code de suivi.' })
    .min(1, { error: 'Saisissez votre code de suivi.' })
    .max(100, { error: 'Ce code est trop long.' }),
});

export const REPORT_FORM_DESCRIPTION = [
  'Formulaire multipart/form-data :',
  `url (facultatif ; http/https, 2 048 caractères au plus, sans identifiants ; sans lien, un extrait ou une note de ${MIN_DESCRIPTION_WITHOUT_LINK} caractères au moins et une capture sont exigés), network (${NETWORKS.join(', ')}),`,
  'excerpt (5 000), seen_where (500), note (2 000), first_published_at (date ISO, pas dans le futur),',
  `anonymous (« true » / « false ») et de 0 à ${MAX_SCREENSHOTS} fichiers « screenshots » (PNG, JPEG ou WebP,`,
  'type lu dans le contenu ; réenregistrées sans leurs métadonnées). Erreurs : une phrase par champ dans « errors ».',
  'Au plus 10 signalements signés par personne et 20 anonymes par adresse en 10 minutes (429 et Retry-After au-delà).',
  'Un signalement anonyme reçoit un code de suivi affiché une seule fois.',
].join(' ');

/**
 * The report form's parts, for the OpenAPI document only: the route reads the parts as they
 * stream in and checks them with parseReportForm and acceptScreenshots.
 */
export const reportFormBody = z.object({
  url: z.string().max(MAX_URL_LENGTH).optional(),
  network: z.enum(NETWORKS),
  excerpt: z.string().max(5_000).optional(),
  seen_where: z.string().max(500).optional(),
  note: z.string().max(2_000).optional(),
  first_published_at: z.string().optional().describe('Date ISO (jour ou instant), pas dans le futur.'),
  anonymous: z.enum(['true', 'false']).optional(),
  screenshots: z
    .array(binarySchema('PNG, JPEG ou WebP (type lu dans le contenu).'))
    .max(MAX_SCREENSHOTS)
    .optional(),
});

/** A refusal of the report form: one French sentence and a stable code per wrong field. */
export const reportProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
});

export const formLimitsResponse = z.object({
  maxScreenshots: z.number().int(),
  maxFileBytes: z.number().int().describe('Taille maximale de chaque capture, en octets.'),
  minDescriptionWithoutLink: z.number().int(),
});

// Named components of the OpenAPI document, from which the web app's types are generated.
component(filedReportResponse, 'FiledReport');
component(outcomeResponse, 'ReportOutcome');
component(mineResponse, 'MyReports');
component(followUpBody, 'FollowUp');
component(formLimitsResponse, 'ReportFormLimits');
