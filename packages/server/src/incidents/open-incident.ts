import { randomUUID } from 'node:crypto';
import { networkLabel } from '@blouse/contract';
import { analyze, type Lexicon, loadLexicon } from '@blouse/guard';
import type { Severity } from '../db/schema.js';
import type { Unit } from '../http/context.js';
import { CATEGORY_LABELS, type IncidentCategory, proposeCategory } from './categories.js';
import { alertDesk, alertsDesk } from './notifications/desk-alert.js';
import { nextReference } from './reference.js';
import { insertEvent, refreshListKeys } from './repository.js';
import { proposeSeverity } from './severity.js';

export interface OpenIncidentInput {
  readonly establishmentId: string;
  readonly reportId: string;
  readonly url: string;
  readonly network: string;
  readonly excerpt: string;
  readonly firstPublishedAt: string | null;
}

export interface OpenedIncident {
  readonly id: string;
  readonly reference: string;
  readonly proposedSeverity: Severity;
  readonly proposedCategory: string;
}

/** What is kept of a guard finding: never the spans, which would copy the post's words. */
export interface StoredFinding {
  readonly rule: string;
  readonly severity: 'warn' | 'block';
  readonly explanation: string;
}

/** « Menaces — Facebook »: the category and the network by their names, never their ids. */
export function incidentTitle(category: IncidentCategory, network: string): string {
  return `${CATEGORY_LABELS[category]} — ${networkLabel(network).slice(0, 60)}`;
}

let lexicon: Lexicon | undefined;

/** The gazetteers take a few hundred milliseconds to build: once per process, on first use. */
export function guardLexicon(): Lexicon {
  lexicon ??= loadLexicon();
  return lexicon;
}

/**
 * Opens an incident for a report, inside the caller's transaction (the reports module calls it
 * when a report is filed). The guard reads the excerpt as a public post; its findings give the
 * proposed severity and category, which a person of the desk confirms when qualifying.
 * The audit entry has no actor: the reporter may be anonymous and is never recorded.
 */
export async function openIncidentForReport(unit: Unit, input: OpenIncidentInput): Promise<OpenedIncident> {
  const report = analyze(input.excerpt, { context: 'public' }, guardLexicon());
  const rules = report.findings.map((finding) => finding.rule);
  const proposal = proposeSeverity({ rules, guardCategory: report.category });
  const category = proposeCategory(report.category, rules);
  const findings: StoredFinding[] = report.findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    explanation: finding.explanation.fr,
  }));

  const id = randomUUID();
  const at = unit.now.toISOString();
  const reference = await nextReference(unit.trx, input.establishmentId, unit.now);
  await unit.trx
    .insertInto('incidents')
    .values({
      id,
      establishment_id: input.establishmentId,
      report_id: input.reportId,
      reference,
      title: incidentTitle(category, input.network),
      status: 'new',
      proposed_severity: proposal.severity,
      severity: null,
      proposed_category: category,
      category: null,
      guard_findings: JSON.stringify({
        verdict: report.verdict,
        guardCategory: report.category,
        scores: proposal.scores,
        overrides: proposal.overrides,
        findings,
      }),
      decisions: '[]',
      owner_id: null,
      first_published_at: input.firstPublishedAt,
      breach_aware_at: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await insertEvent(unit.trx, id, unit.now, null, 'created', {
    reference,
    proposedSeverity: proposal.severity,
    proposedCategory: category,
  });
  await refreshListKeys(unit.trx, input.establishmentId, id);
  await unit.audit({
    establishmentId: input.establishmentId,
    actorId: null,
    action: 'incident.create',
    targetType: 'incident',
    targetId: id,
    detail: {
      reference,
      reportId: input.reportId,
      proposedSeverity: proposal.severity,
      proposedCategory: category,
    },
  });
  if (alertsDesk(null, proposal.severity)) {
    const alert = { establishmentId: input.establishmentId, incidentId: id, reference, category };
    unit.afterCommit((context) =>
      alertDesk(context, { ...alert, severity: proposal.severity, cause: 'opened' }),
    );
  }
  return { id, reference, proposedSeverity: proposal.severity, proposedCategory: category };
}
