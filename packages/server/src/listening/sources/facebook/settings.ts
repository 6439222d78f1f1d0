import { z } from 'zod';
import { GRAPH_API_BASE, GRAPH_API_VERSION } from '../meta-graph.js';
import { accessToken, apiBaseUrl } from '../settings-fields.js';

export const facebookSettingsSchema = z.object({
  /** A long-lived Page access token with pages_read_engagement and pages_read_user_content. */
  accessToken,
  pageId: z.string().trim().regex(/^\d+$/, 'Identifiant de Page attendu (des chiffres).'),
  apiBaseUrl: apiBaseUrl(GRAPH_API_BASE),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'Version de l’API Graph attendue, par exemple v23.0.')
    .default(GRAPH_API_VERSION),
  /** The Page's latest posts whose comments are read. */
  postsPerPoll: z.number().int().min(1).max(100).default(25),
});

export type FacebookSettingsInput = z.input<typeof facebookSettingsSchema>;
export type FacebookSettings = z.output<typeof facebookSettingsSchema>;
