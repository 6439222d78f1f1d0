import { z } from 'zod';

/**
 * The attributes of a Mastodon Status (https://docs.joinmastodon.org/entities/Status/) the source
 * reads, as masto.js hands them over (camelCase). Checked on every status so that an instance
 * answering something else is named instead of crashing the mapping. Lenient only where the
 * documentation allows null or where another server might leave a counter out.
 */
const accountRead = z.object({
  acct: z.string().min(1),
  followersCount: z.number().int().optional(),
});

const statusCore = z.object({
  id: z.string().min(1),
  uri: z.string().min(1),
  url: z.string().nullish(),
  createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'date illisible'),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']),
  spoilerText: z.string().default(''),
  content: z.string(),
  account: accountRead,
});

export const statusReadSchema = statusCore.extend({ reblog: statusCore.nullish() });
export type StatusRead = z.output<typeof statusReadSchema>;
