import { randomUUID } from 'node:crypto';
import { networkLabel } from '@blouse/contract';
import { analyze, type Category as GuardCategory, type Lexicon, loadLexicon } from '@blouse/guard';
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
  /** The text read on each screenshot of the report (empty when none could be read). */
  readonly screenshotTexts?: readonly string[];
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

const VERDICT_RANK = { ok: 0, warn: 1, block: 2 } as const;

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
  const findings: StoredFinding[] = report.findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    explanation: finding.explanation.fr,
  }));
  // The screenshots' text weighs as the excerpt does: a bland excerpt (« regardez ce post ») under
  // a screenshot naming a patient is a breach. A rule already found in the excerpt is not repeated.
  let verdict = report.verdict;
  let guardCategory = report.category;
  for (const text of input.screenshotTexts ?? []) {
    if (text.trim() === '') continue;
    const read = analyze(text, { context: 'public' }, guardLexicon());
    for (const finding of read.findings) {
      if (findings.some((kept) => kept.rule === finding.rule)) continue;
      findings.push({
        rule: finding.rule,
        severity: finding.severity,
        explanation: `Lu sur une capture d’écran : ${finding.explanation.fr}`,
      });
    }
    if (VERDICT_RANK[read.verdict] > VERDICT_RANK[verdict]) verdict = read.verdict;
    guardCategory ??= read.category;
  }
  return createIncident(unit, {
    establishmentId: input.establishmentId,
    reportId: input.reportId,
    network: input.network,
    firstPublishedAt: input.firstPublishedAt,
    verdict,
    guardCategory,
    findings,
    actorId: null,
    origin: { reportId: input.reportId },
  });
}

/** What an incident starts from, whatever brought it (a report, mentions heard by listening). */
export interface IncidentSeed {
  readonly establishmentId: string;
  readonly reportId: string | null;
  readonly network: string;
  readonly firstPublishedAt: string | null;
  readonly verdict: string;
  readonly guardCategory: GuardCategory | null;
  readonly findings: readonly StoredFinding[];
  /** Who opened it; null when no one may be recorded (an anonymous report). */
  readonly actorId: string | null;
  /** What the audit entry says it came from (« reportId », « alertId », « mentionIds »). */
  readonly origin: Readonly<Record<string, unknown>>;
}

/**
 * The one path that opens an incident, inside the caller's transaction: reference, proposed
 * severity and category from the guard's findings, timeline event, list keys (deadlines), audit
 * entry and, for a serious one, the desk's e-mail after the commit.
 */
export async function createIncident(unit: Unit, seed: IncidentSeed): Promise<OpenedIncident> {
  const rules = seed.findings.map((finding) => finding.rule);
  const proposal = proposeSeverity({ rules, guardCategory: seed.guardCategory });
  const category = proposeCategory(seed.guardCategory, rules);
  const id = randomUUID();
  const at = unit.now.toISOString();
  const reference = await nextReference(unit.trx, seed.establishmentId, unit.now);
  await unit.trx
    .insertInto('incidents')
    .values({
      id,
      establishment_id: seed.establishmentId,
      report_id: seed.reportId,
      reference,
      title: incidentTitle(category, seed.network),
      status: 'new',
      proposed_severity: proposal.severity,
      severity: null,
      proposed_category: category,
      category: null,
      guard_findings: JSON.stringify({
        verdict: seed.verdict,
        guardCategory: seed.guardCategory,
        scores: proposal.scores,
        overrides: proposal.overrides,
        findings: seed.findings,
      }),
      decisions: '[]',
      owner_id: null,
      first_published_at: seed.firstPublishedAt,
      breach_aware_at: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await insertEvent(unit.trx, id, unit.now, seed.actorId, 'created', {
    reference,
    proposedSeverity: proposal.severity,
    proposedCategory: category,
  });
  await refreshListKeys(unit.trx, seed.establishmentId, id);
  await unit.audit({
    establishmentId: seed.establishmentId,
    actorId: seed.actorId,
    action: 'incident.create',
    targetType: 'incident',
    targetId: id,
    detail: {
      reference,
      ...seed.origin,
      proposedSeverity: proposal.severity,
      proposedCategory: category,
    },
  });
  if (alertsDesk(null, proposal.severity)) {
    const alert = { establishmentId: seed.establishmentId, incidentId: id, reference, category };
    unit.afterCommit((context) =>
      alertDesk(context, { ...alert, severity: proposal.severity, cause: 'opened' }),
    );
  }
  return { id, reference, proposedSeverity: proposal.severity, proposedCategory: category };
}
