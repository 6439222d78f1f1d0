import type { EstablishmentLists } from '@blouse/guard';
import { z } from 'zod';
import { component } from '../http/openapi.js';
import { safeLine } from '../http/safe-text.js';

// Names and services: single lines, no control or invisible direction change (http/safe-text.ts).
const entry = safeLine(1, 200);
const list = z.array(entry).max(500);

/**
 * The establishment's lists the guard uses (field names of @blouse/guard's EstablishmentLists).
 * Bounded: 500 entries of 200 characters per list is far beyond a real hospital and keeps the
 * guard's matching fast. Unknown keys are refused rather than silently stored.
 */
export const guardListsSchema = z.strictObject({
  names: list.default([]),
  services: list.default([]),
  consentingStaff: list.default([]),
  publicFigures: list.default([]),
});

export type GuardLists = Required<{ [K in keyof EstablishmentLists]-?: string[] }>;

export const guardListsOutSchema = z.object({
  names: z.array(z.string()),
  services: z.array(z.string()),
  consentingStaff: z.array(z.string()),
  publicFigures: z.array(z.string()),
});

/** Reads the stored JSON; anything unexpected in it (an older shape) becomes empty lists. */
export function parseGuardLists(json: string): GuardLists {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = {};
  }
  const parsed = guardListsSchema.safeParse(value);
  return parsed.success ? parsed.data : { names: [], services: [], consentingStaff: [], publicFigures: [] };
}

/** Same entries once each, in the order given. */
export function dedupeLists(lists: GuardLists): GuardLists {
  const unique = (items: string[]) => [...new Set(items)];
  return {
    names: unique(lists.names),
    services: unique(lists.services),
    consentingStaff: unique(lists.consentingStaff),
    publicFigures: unique(lists.publicFigures),
  };
}

// Named components of the OpenAPI document, from which the web app's types are generated.
component(guardListsSchema, 'GuardListsUpdate');
component(guardListsOutSchema, 'GuardLists');
