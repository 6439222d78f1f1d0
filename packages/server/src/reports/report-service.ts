import { randomUUID } from 'node:crypto';
import { sealEvidence } from '../evidence/seal.js';
import { type AppContext, inUnit } from '../http/context.js';
import { notFound } from '../http/problem.js';
import { openIncidentForReport } from '../incidents/open-incident.js';
import { addressKey, countFiling, FILING_LIMITS, type FilingKey, userKey } from './filing-throttle.js';
import { followUpHash, newFollowUpCode, normaliseFollowUpCode } from './follow-up-code.js';
import { type PublicOutcome, publicOutcome } from './outcome.js';
import type { ReportForm } from './report-form.js';
import {
  insertReport,
  insertReportFile,
  reportByFollowUpHash,
  reportFile,
  reportsOf,
} from './report-repository.js';
import { readScreenshotTexts } from './screenshot-text.js';
import { type Screenshot, stripScreenshots } from './screenshots.js';

export const ACKNOWLEDGEMENT =
  'Merci, votre signalement a bien été transmis au service communication, qui décidera de la suite à donner. Ne répondez pas vous-même au message.';
export const ANONYMOUS_ACKNOWLEDGEMENT = `${ACKNOWLEDGEMENT} Gardez votre code de suivi : il ne sera plus jamais affiché et personne ne pourra le retrouver.`;

export interface FiledReport {
  readonly reportId: string;
  readonly incidentReference: string;
  readonly receivedAt: string;
  readonly acknowledgement: string;
  /** Only for an anonymous report: the one way back to it. */
  readonly followUpCode?: string;
}

/**
 * Who files: the session's user and the client's address, for the filing limits. The demo's own
 * seed files as its agent with `address: null`: it counts against no limit, so that a person
 * trying the demo has the same ten reports as anyone.
 */
export interface Sender {
  readonly userId: string;
  readonly address: string | null;
}

/** The limits a filing counts against: the sender for a signed report, the address for an anonymous one. */
export function filingKeys(context: AppContext, sender: Sender, anonymous: boolean): FilingKey[] {
  if (sender.address === null) return [];
  const limits = context.config.filingLimits ?? FILING_LIMITS;
  return anonymous
    ? [addressKey(sender.address, limits.perAddress)]
    : [userKey(sender.userId, limits.perUser)];
}

/**
 * Files a report: the report, its screenshots, its incident, each screenshot sealed as evidence
 * of that incident, and the audit entry, in one transaction. Screenshots are stored stripped of
 * their metadata; the evidence keeps each original's hash. An anonymous report keeps no trace of
 * its sender, audit log and evidence chain included: the sender's id never enters the
 * transaction, and the follow-up code is stored only as a hash.
 */
export async function fileReport(
  context: AppContext,
  establishmentId: string,
  sender: Sender,
  form: ReportForm,
  received: readonly Screenshot[],
): Promise<FiledReport> {
  const senderId = form.anonymous ? null : sender.userId;
  const followUpCode = form.anonymous ? newFollowUpCode() : undefined;
  const screenshots = await stripScreenshots(received);
  // Read before the transaction: OCR takes about half a second a screenshot.
  const screenshotTexts = await readScreenshotTexts(screenshots);
  return inUnit(context, async (unit) => {
    for (const key of filingKeys(context, sender, form.anonymous)) await countFiling(unit.trx, key, unit.now);
    const reportId = randomUUID();
    const receivedAt = unit.now.toISOString();
    await insertReport(unit.trx, {
      id: reportId,
      establishment_id: establishmentId,
      reporter_id: senderId,
      follow_up_hash: followUpCode === undefined ? null : followUpHash(followUpCode),
      url: form.url,
      network: form.network,
      excerpt: form.excerpt,
      seen_where: form.seen_where,
      note: form.note,
      first_published_at: form.first_published_at,
      created_at: receivedAt,
    });
    for (const screenshot of screenshots) {
      await insertReportFile(unit.trx, {
        id: randomUUID(),
        report_id: reportId,
        file_name: screenshot.fileName,
        media_type: screenshot.mediaType,
        size: screenshot.bytes.length,
        sha256: screenshot.sha256,
        content: screenshot.bytes,
        created_at: receivedAt,
      });
    }
    const incident = await openIncidentForReport(unit, {
      establishmentId,
      reportId,
      url: form.url,
      network: form.network,
      excerpt: form.excerpt,
      screenshotTexts,
      firstPublishedAt: form.first_published_at,
    });
    for (const screenshot of screenshots) {
      await sealEvidence(unit, context.storage.dialect, {
        establishmentId,
        incidentId: incident.id,
        kind: 'screenshot',
        fileName: screenshot.fileName,
        mediaType: screenshot.mediaType,
        content: screenshot.bytes,
        originalSha256: screenshot.originalSha256,
        sourceUrl: form.url === '' ? null : form.url,
        capturedAt: receivedAt,
        capturedBy: senderId,
      });
    }
    await unit.audit({
      establishmentId,
      actorId: senderId,
      action: 'report.create',
      targetType: 'report',
      targetId: reportId,
      detail: {
        network: form.network,
        screenshots: screenshots.length,
        anonymous: form.anonymous,
        incidentReference: incident.reference,
      },
    });
    return {
      reportId,
      incidentReference: incident.reference,
      receivedAt,
      acknowledgement: form.anonymous ? ANONYMOUS_ACKNOWLEDGEMENT : ACKNOWLEDGEMENT,
      ...(followUpCode === undefined ? {} : { followUpCode }),
    };
  });
}

const MINE_LIMIT = 200;

export async function myReports(
  context: AppContext,
  establishmentId: string,
  reporterId: string,
): Promise<PublicOutcome[]> {
  const rows = await reportsOf(context.storage.db, establishmentId, reporterId, MINE_LIMIT);
  return rows.map(publicOutcome);
}

/** The follow-up of the report a code was given for; the same 404 for every unknown code. */
export async function followUpByCode(context: AppContext, code: string): Promise<PublicOutcome> {
  const normalised = normaliseFollowUpCode(code);
  const row =
    normalised === '' ? undefined : await reportByFollowUpHash(context.storage.db, followUpHash(normalised));
  if (row === undefined) throw notFound('Aucun signalement ne correspond à ce code.');
  return publicOutcome(row);
}

export interface ScreenshotDownload {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/** A screenshot for the desk; the read is audited, as every read of a report's material. */
export function readScreenshot(
  context: AppContext,
  establishmentId: string,
  reportId: string,
  fileId: string,
  readerId: string,
): Promise<ScreenshotDownload> {
  return inUnit(context, async (unit) => {
    const file = await reportFile(unit.trx, establishmentId, reportId, fileId);
    if (file === undefined) throw notFound();
    await unit.audit({
      establishmentId,
      actorId: readerId,
      action: 'report.file.read',
      targetType: 'report_file',
      targetId: file.id,
      detail: { reportId, sha256: file.sha256 },
    });
    return { fileName: file.file_name, mediaType: file.media_type, content: Buffer.from(file.content) };
  });
}
