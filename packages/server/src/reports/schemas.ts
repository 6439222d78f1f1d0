import { z } from 'zod';
import { binarySchema, component } from '../http/openapi.js';
import { safeText } from '../http/safe-text.js';
import { statusSchema } from '../incidents/schemas.js';
import { MAX_SCREENSHOTS, MAX_URL_LENGTH, NETWORKS } from './report-form.js';

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
  decisions: z.array(z.string()),
});

export const mineResponse = z.object({ reports: z.array(outcomeResponse) });

export const followUpBody = z.object({ code: z.string().min(1).max(100) });

export const REPORT_FORM_DESCRIPTION = [
  'Formulaire multipart/form-data :',
  `url (http/https, 2 048 caractères au plus, sans identifiants), network (${NETWORKS.join(', ')}),`,
  'excerpt (5 000), seen_where (500), note (2 000), first_published_at (date ISO, pas dans le futur),',
  `anonymous (« true » / « false ») et de 0 à ${MAX_SCREENSHOTS} fichiers « screenshots » (PNG, JPEG ou WebP,`,
  'type lu dans le contenu). Un signalement anonyme reçoit un code de suivi affiché une seule fois.',
].join(' ');

/**
 * The report form's parts, for the OpenAPI document only: the route reads the parts as they
 * stream in and checks them with parseReportForm and acceptScreenshots.
 */
export const reportFormBody = z.object({
  url: z.string().max(MAX_URL_LENGTH),
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

// Named components of the OpenAPI document, from which the web app's types are generated.
component(filedReportResponse, 'FiledReport');
component(outcomeResponse, 'ReportOutcome');
component(mineResponse, 'MyReports');
component(followUpBody, 'FollowUp');
