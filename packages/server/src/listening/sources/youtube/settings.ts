import { z } from 'zod';
import { apiBaseUrl } from '../settings-fields.js';

export const YOUTUBE_API_BASE = 'https://www.googleapis.com';

export const youtubeSettingsSchema = z
  .object({
    /** OAuth token of the channel (youtube.readonly or youtube.force-ssl); sent as a header. */
    accessToken: z.string().trim().min(1).optional(),
    /** Or an API key: public comment threads can be read with a key alone. */
    apiKey: z.string().trim().min(1).optional(),
    channelId: z
      .string()
      .trim()
      .regex(/^UC[\w-]{22}$/, 'Identifiant de chaîne attendu : « UC » suivi de 22 caractères.'),
    apiBaseUrl: apiBaseUrl(YOUTUBE_API_BASE),
  })
  .refine((settings) => settings.accessToken !== undefined || settings.apiKey !== undefined, {
    message: 'Indiquez un jeton d’accès ou une clé d’API YouTube.',
    path: ['accessToken'],
  });

export type YoutubeSettingsInput = z.input<typeof youtubeSettingsSchema>;
export type YoutubeSettings = z.output<typeof youtubeSettingsSchema>;
