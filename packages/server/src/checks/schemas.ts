import { CATEGORIES, CONTEXTS, SPAN_TYPES, VERDICTS } from '@blouse/guard';
import { z } from 'zod';
import { component } from '../http/openapi.js';

export const MAX_TEXT_LENGTH = 20_000;

export const establishmentParams = z.object({ establishmentId: z.string().min(1).max(100) });

export const checkBody = z.object({
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
  context: z.enum(CONTEXTS),
  /**
   * True for the checks the web app sends as the person types: they are not counted, or the
   * statistics would count keystrokes instead of posts.
   */
  preview: z.boolean().optional(),
});

const localized = z.object({ fr: z.string(), en: z.string() });

const span = z.object({
  type: z.enum(SPAN_TYPES),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  evidence: z.string().optional(),
});

export const checkResponse = z.object({
  verdict: z.enum(VERDICTS),
  context: z.enum(CONTEXTS),
  category: z.enum(CATEGORIES).nullable(),
  redacted: z.string(),
  findings: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(['warn', 'block']),
      explanation: localized,
      fix: z.object({ kind: z.enum(['redact', 'rewrite', 'remove', 'report']), text: localized }),
      spans: z.array(span),
      /** Who raised it: a hand-written rule of the catalogue, or the learned layer reading the post. */
      raisedBy: z.enum(['rule', 'model']),
    }),
  ),
  /** The spans some finding relies on, for highlighting. */
  spans: z.array(span),
  /** Everything recognised, breach or not (a harmless name too). */
  detected: z.array(span),
  /**
   * A version of the post in plain French that the guard judges ok (sensitive details
   * generalised or dropped), or none and why: a threat, an insult, someone's health.
   */
  saferVersion: component(
    z.union([z.object({ text: z.string() }), z.object({ text: z.null(), reason: localized })]),
    'SaferVersion',
  ),
});

const day = z.iso.date();

export const statsQuery = z.object({ from: day.optional(), to: day.optional() });

export const statsResponse = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byVerdict: z.object({ ok: z.number().int(), warn: z.number().int(), block: z.number().int() }),
  byContext: z.array(z.object({ context: z.string(), count: z.number().int() })),
  byRule: z.array(z.object({ rule: z.string(), count: z.number().int(), blocked: z.number().int() })),
});

// Named components of the OpenAPI document, from which the web app's types are generated.
component(checkBody, 'Check');
component(localized, 'Localized');
component(span, 'Span');
component(checkResponse, 'CheckReport');
component(statsResponse, 'CheckStats');
