import { z } from 'zod';
import { GRAPH_API_BASE, GRAPH_API_VERSION } from '../meta-graph.js';
import { accessToken, apiBaseUrl } from '../settings-fields.js';

export const instagramSettingsSchema = z.object({
  /** Token with instagram_basic and instagram_manage_comments (Instagram API with Facebook Login). */
  accessToken,
  /** The Instagram professional account's id (IG User), not its @name. */
  igUserId: z.string().trim().regex(/^\d+$/, 'Identifiant de compte Instagram attendu (des chiffres).'),
  apiBaseUrl: apiBaseUrl(GRAPH_API_BASE),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'Version de l’API Graph attendue, par exemple v23.0.')
    .default(GRAPH_API_VERSION),
  /** The account's latest media whose comments are read. */
  mediaPerPoll: z.number().int().min(1).max(50).default(10),
});

export type InstagramSettingsInput = z.input<typeof instagramSettingsSchema>;
export type InstagramSettings = z.output<typeof instagramSettingsSchema>;
