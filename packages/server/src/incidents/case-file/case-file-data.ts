import { chainHead, listEvidence } from '../../evidence/evidence-repository.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { forbidden } from '../../http/problem.js';
import { CATEGORY_LABELS } from '../categories.js';
import type { Deadline } from '../deadlines.js';
import { DECISION_LABELS } from '../decisions.js';
import { findNoticeRecord } from '../notice-repository.js';
import { establishmentName, findReport, listEvents, userNames } from '../repository.js';
import { type Actor, actionsOn, load } from '../service.js';
import { decisionsOf, effectiveCategory, effectiveSeverity, parseJson, summarize } from '../view.js';
import { STATUS_LABELS } from '../workflow.js';
import { describeEvent } from './event-text.js';

/** Everything the lawyer's case file says, already in French; gathered in one transaction. */
export interface CaseFile {
  readonly establishment: string;
  readonly reference: string;
  readonly title: string;
  readonly status: string;
  readonly severity: string;
  readonly category: string;
  readonly network: string | null;
  readonly url: string | null;
  readonly createdAt: string;
  readonly firstPublishedAt: string | null;
  readonly breachAwareAt: string | null;
  readonly deadlines: readonly Deadline[];
  readonly decisions: readonly { at: string; label: string; author: string; note: string | null }[];
  readonly timeline: readonly { at: string; actor: string; text: string }[];
  readonly evidence: readonly {
    seq: number;
    fileName: string;
    kind: string;
    capturedAt: string;
    capturedBy: string | null;
    sha256: string;
    chainHash: string;
  }[];
  readonly chainHead: { readonly seq: number; readonly hash: string } | null;
  readonly notice: { readonly sentAt: string; readonly channel: string } | null;
  readonly generatedAt: string;
  readonly generatedBy: string;
}

/**
 * The case file of an incident for a lawyer: its reference, qualification, dates and deadlines,
 * the history, the decisions with their authors and the evidence with their hashes and the chain
 * head. Not the reported post's text: the lawyer gets that from the evidence itself. Audited.
 */
export function gatherCaseFile(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
): Promise<CaseFile> {
  return inUnit(context, async (unit) => {
    const row = await load(unit, establishmentId, id);
    if (!actionsOn(row, actor).exportCaseFile) throw forbidden();
    const events = await listEvents(unit.trx, establishmentId, [id]);
    const decisions = decisionsOf(row);
    const authors = await userNames(
      unit.trx,
      decisions.map((decision) => decision.authorId),
    );
    const report =
      row.report_id === null ? undefined : await findReport(unit.trx, establishmentId, row.report_id);
    const evidence = await listEvidence(unit.trx, establishmentId, id);
    const head = await chainHead(unit.trx, establishmentId);
    const notice = await findNoticeRecord(unit.trx, establishmentId, id);
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.case_file',
      targetType: 'incident',
      targetId: id,
      detail: { reference: row.reference, evidence: evidence.length, chainHead: head?.chain_hash ?? null },
    });
    return {
      establishment: await establishmentName(unit.trx, establishmentId),
      reference: row.reference,
      title: row.title,
      status: STATUS_LABELS[row.status],
      severity: effectiveSeverity(row),
      category: CATEGORY_LABELS[effectiveCategory(row)],
      network: report?.network ?? null,
      url: report?.url ?? null,
      createdAt: row.created_at,
      firstPublishedAt: row.first_published_at,
      breachAwareAt: row.breach_aware_at,
      deadlines: summarize(row, events, unit.now).deadlines,
      decisions: decisions.map((decision) => ({
        at: decision.at,
        label: DECISION_LABELS[decision.kind],
        author: authors.get(decision.authorId) ?? 'inconnu',
        note: decision.note,
      })),
      timeline: events.map((event) => ({
        at: event.at,
        actor: event.actorName ?? 'Blouse',
        text: describeEvent(event.kind, parseJson<Record<string, unknown>>(event.detail, {})),
      })),
      evidence: evidence.map((item) => ({
        seq: Number(item.seq),
        fileName: item.file_name,
        kind: item.kind,
        capturedAt: item.captured_at,
        capturedBy: item.captured_by_name,
        sha256: item.sha256,
        chainHash: item.chain_hash,
      })),
      chainHead: head === undefined ? null : { seq: Number(head.seq), hash: head.chain_hash },
      notice:
        notice?.sentAt === null || notice?.sentAt === undefined
          ? null
          : { sentAt: notice.sentAt, channel: notice.sentChannel ?? 'autre' },
      generatedAt: unit.now.toISOString(),
      generatedBy: actor.displayName,
    };
  });
}
