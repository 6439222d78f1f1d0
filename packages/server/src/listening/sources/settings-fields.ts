import { z } from 'zod';

/** Plain HTTP only towards this machine (tests, a local relay); a real service is always https. */
export function isHttpsOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** The address of an API: the real one by default; tests point it at a loopback replay. */
export function apiBaseUrl(defaultUrl: string) {
  return z
    .string()
    .trim()
    .refine(isHttpsOrLoopback, 'Adresse d’API attendue en https.')
    .transform((value) => value.replace(/\/+$/, ''))
    .default(defaultUrl);
}

export const accessToken = z.string().trim().min(1, 'Jeton d’accès manquant.');

/** What the connectors of the establishment's own pages take besides their settings. */
export interface OwnCommentsOptions {
  /** Per request. */
  readonly timeoutMs?: number;
  /** Pages of comments read per post and per poll. */
  readonly maxCommentPagesPerPost?: number;
  /** On the first poll, comments of the last hours are read (listening starts with context). */
  readonly firstPollLookbackHours?: number;
  readonly now?: () => Date;
}

export function ownCommentsDefaults(options: OwnCommentsOptions) {
  const now = options.now ?? (() => new Date());
  return {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxPages: Math.max(1, options.maxCommentPagesPerPost ?? 5),
    now,
    firstSince: () => new Date(now().getTime() - (options.firstPollLookbackHours ?? 24) * 3_600_000),
  };
}
