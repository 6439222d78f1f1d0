import { networkLabel } from '@blouse/contract';
import { CATEGORY_LABELS } from './categories.js';
import { computeDeadlines, milestonesFromEvents, nextDue } from './deadlines.js';
import type { EventRow, IncidentRow } from './repository.js';
import { foldForSearch } from './search-fold.js';
import { effectiveCategory, effectiveSeverity, toMilestoneEvents } from './view.js';

/** What the list's SQL needs stored, because it cannot compute it: see the columns in db/schema.ts. */
export interface ListKeys {
  readonly next_due_at: string | null;
  readonly search_text: string;
}

export interface SearchableReport {
  readonly excerpt: string;
  readonly network: string;
}

/**
 * The keys of one incident. The earliest deadline still owed does not depend on the time of
 * reading (only whether it has passed does), so it can be stored and compared with « now » in SQL.
 */
export function listKeysOf(
  row: IncidentRow,
  events: readonly EventRow[],
  report: SearchableReport | null,
): ListKeys {
  const category = effectiveCategory(row);
  const deadlines = computeDeadlines({
    severity: effectiveSeverity(row),
    category,
    createdAt: row.created_at,
    firstPublishedAt: row.first_published_at,
    breachAwareAt: row.breach_aware_at,
    milestones: milestonesFromEvents(toMilestoneEvents(events), row.status === 'closed'),
    // Any instant: the due dates do not depend on it, only their states, which are not kept.
    now: new Date(0),
  });
  const words = [
    row.reference,
    row.title,
    category,
    CATEGORY_LABELS[category],
    report === null ? '' : networkLabel(report.network),
    report?.excerpt ?? '',
  ];
  return { next_due_at: nextDue(deadlines), search_text: foldForSearch(words.join(' ')) };
}
