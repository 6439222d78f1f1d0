import type { Category as GuardCategory } from '@blouse/guard';
import type { DialectName } from '../db/database.js';
import { sealEvidence } from '../evidence/seal.js';
import type { Unit } from '../http/context.js';
import { createIncident, type OpenedIncident, type StoredFinding } from './open-incident.js';
import { proposeSeverity } from './severity.js';

/** A mention heard by listening, as the incident keeps it: what is sealed as evidence. */
export interface MentionRecord {
  readonly id: string;
  readonly source: string;
  readonly url: string | null;
  readonly authorHandle: string | null;
  readonly text: string;
  readonly publishedAt: string;
  /** When Blouse heard the post (the capture's time). */
  readonly heardAt: string;
  readonly matchedTerms: readonly string[];
  /** The guard's category, lower-cased as listening stores it (« privacy_breach »). */
  readonly category: string;
  readonly verdict: string;
  readonly findings: readonly StoredFinding[];
}

const GUARD_CATEGORIES: readonly GuardCategory[] = [
  'COMPLAINT',
  'RUMOR',
  'THREAT',
  'DEFAMATION',
  'DOXXING',
  'PRIVACY_BREACH',
  'PRAISE',
  'QUESTION',
  'INFO',
];

function guardCategoryOf(category: string): GuardCategory | null {
  const upper = category.toUpperCase() as GuardCategory;
  return GUARD_CATEGORIES.includes(upper) ? upper : null;
}

const SEVERITY_RANK = { N0: 0, N1: 1, N2: 2, N3: 3, N4: 4 } as const;
const VERDICT_RANK: Readonly<Record<string, number>> = { ok: 0, warn: 1, block: 2 };

/**
 * The document sealed for one mention: its words, address, author and times, in a fixed order,
 * so that what was heard can be shown in proceedings even after the post is deleted.
 */
export function mentionEvidenceDocument(mention: MentionRecord): Buffer {
  const document = {
    format: 'blouse-mention/1',
    mentionId: mention.id,
    source: mention.source,
    url: mention.url,
    authorHandle: mention.authorHandle,
    publishedAt: mention.publishedAt,
    heardAt: mention.heardAt,
    text: mention.text,
    matchedTerms: mention.matchedTerms,
    category: mention.category,
    verdict: mention.verdict,
    findings: mention.findings,
  };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}

/**
 * Opens an incident from mentions heard by listening, inside the caller's transaction, by the
 * same path as a report (reference, proposed severity and category, deadlines, audit, the desk's
 * e-mail), and seals each mention as a JSON document in the establishment's evidence chain. The
 * most serious mention (by proposed severity, then verdict) gives the category and the network;
 * the findings of all are kept.
 */
export async function openIncidentFromMentions(
  unit: Unit,
  dialect: DialectName,
  input: {
    readonly establishmentId: string;
    readonly actorId: string;
    readonly mentions: readonly MentionRecord[];
    readonly origin: Readonly<Record<string, unknown>>;
  },
): Promise<OpenedIncident> {
  const [first] = input.mentions;
  if (first === undefined) throw new Error('openIncidentFromMentions: aucune mention');
  const rank = (mention: MentionRecord) => {
    const proposal = proposeSeverity({
      rules: mention.findings.map((finding) => finding.rule),
      guardCategory: guardCategoryOf(mention.category),
    });
    return SEVERITY_RANK[proposal.severity] * 10 + (VERDICT_RANK[mention.verdict] ?? 0);
  };
  let lead = first;
  for (const mention of input.mentions) if (rank(mention) > rank(lead)) lead = mention;
  // The lead's findings first: they decide the category; the others' add to the severity's view.
  const seen = new Set<string>();
  const findings: StoredFinding[] = [];
  for (const mention of [lead, ...input.mentions]) {
    for (const finding of mention.findings) {
      const key = `${finding.rule}\u0000${finding.explanation}`;
      if (!seen.has(key)) {
        seen.add(key);
        findings.push({ rule: finding.rule, severity: finding.severity, explanation: finding.explanation });
      }
    }
  }
  const firstPublishedAt = input.mentions.map((m) => m.publishedAt).sort()[0] ?? null;
  const opened = await createIncident(unit, {
    establishmentId: input.establishmentId,
    reportId: null,
    network: lead.source,
    firstPublishedAt,
    verdict: lead.verdict,
    guardCategory: guardCategoryOf(lead.category),
    findings,
    actorId: input.actorId,
    origin: input.origin,
  });
  for (const mention of input.mentions) {
    await sealEvidence(unit, dialect, {
      establishmentId: input.establishmentId,
      incidentId: opened.id,
      kind: 'text',
      fileName: `mention-${mention.id}.json`,
      mediaType: 'application/json',
      content: mentionEvidenceDocument(mention),
      originalSha256: null,
      sourceUrl: mention.url,
      capturedAt: mention.heardAt,
      capturedBy: input.actorId,
    });
  }
  return opened;
}
