import type { EstablishmentLists, GuardContext, Report } from '@blouse/guard';
import { z } from 'zod';
import { analyseTask } from './guard-task.js';

const NAMES = z.array(z.string().min(1).max(300)).max(5_000);

/** The guard's own list fields; anything else in the column is not for the guard and is ignored. */
const LISTS = z.object({
  names: NAMES.optional(),
  services: NAMES.optional(),
  consentingStaff: NAMES.optional(),
  publicFigures: NAMES.optional(),
});

/**
 * The establishment's lists for the guard, from the `guard_lists` JSON column. A malformed
 * column must not stop staff from checking a post: the lists that parse are used, the rest is
 * dropped. The establishment's own name is always among its names, so that « CHU de Valmont »
 * is never taken for a private person.
 */
export function establishmentLists(guardListsJson: string, establishmentName: string): EstablishmentLists {
  let raw: unknown;
  try {
    raw = JSON.parse(guardListsJson);
  } catch {
    raw = {};
  }
  const lists: Record<string, string[]> = {};
  if (raw !== null && typeof raw === 'object') {
    for (const key of Object.keys(LISTS.shape) as (keyof typeof LISTS.shape)[]) {
      const parsed = NAMES.safeParse((raw as Record<string, unknown>)[key]);
      if (parsed.success) lists[key] = parsed.data;
    }
  }
  return { ...lists, names: [establishmentName, ...(lists.names ?? [])] };
}

/** Runs the guard on a text in this thread, with a safer version of it to offer: pure, no storage. */
export function runGuard(text: string, context: GuardContext, lists: EstablishmentLists): Report {
  return analyseTask({ text, context, lists });
}
