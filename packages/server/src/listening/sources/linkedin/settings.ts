import { z } from 'zod';
import { accessToken, apiBaseUrl } from '../settings-fields.js';

export const LINKEDIN_API_BASE = 'https://api.linkedin.com';
/** LinkedIn's versioned API names its versions YYYYMM and keeps each for a year. */
export const LINKEDIN_API_VERSION = '202510';

export const linkedinSettingsSchema = z.object({
  /** A member token of a page administrator with r_organization_social (Community Management API). */
  accessToken,
  organizationUrn: z
    .string()
    .trim()
    .regex(
      /^urn:li:organization:\d+$/,
      'URN d’organisation attendu, par exemple urn:li:organization:123456.',
    ),
  apiBaseUrl: apiBaseUrl(LINKEDIN_API_BASE),
  apiVersion: z
    .string()
    .regex(/^\d{6}$/, 'Version d’API LinkedIn attendue sous la forme AAAAMM.')
    .default(LINKEDIN_API_VERSION),
  /** The organisation's latest posts whose comments are read. */
  postsPerPoll: z.number().int().min(1).max(50).default(10),
});

export type LinkedinSettingsInput = z.input<typeof linkedinSettingsSchema>;
export type LinkedinSettings = z.output<typeof linkedinSettingsSchema>;
