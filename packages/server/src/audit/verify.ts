import type { Kysely } from 'kysely';
import type { Database, Row } from '../db/schema.js';
import { auditHash, GENESIS_HASH } from './audit-chain.js';

export type AuditBreak = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'head_missing' | 'head_mismatch';

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export interface AuditVerification {
  readonly intact: boolean;
  /** Entries checked (up to the first break). */
  readonly checked: number;
  /** The last entry: write it down, and pass it back later as `head` to detect a cut tail. */
  readonly head: AuditHead | null;
  readonly firstBad?: { readonly seq: number; readonly reason: AuditBreak; readonly message: string };
}

export interface VerifyOptions {
  /** A head noted earlier: it must still be in the chain, with the same hash. */
  readonly head?: AuditHead;
  readonly pageSize?: number;
}

/** How far to look for the position an entry's hash was made for, to tell a move from an edit. */
const REORDER_WINDOW = 1000;

/**
 * Walks the audit log in seq order, one page at a time (memory stays bounded whatever its
 * length), and stops at the first entry that is not what the chain vouches for. The chain alone
 * cannot show that its last entries were cut off: an anchor noted earlier (`head`) can.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 500;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let last: AuditHead | null = null;
  let anchorHash: string | undefined;

  for (;;) {
    let query = db.selectFrom('audit_log').selectAll();
    // The first page has no lower bound, so that a forged entry numbered 0 or less is seen.
    if (last !== null) query = query.where('seq', '>=', expectedSeq);
    const page = await query.orderBy('seq', 'asc').limit(pageSize).execute();
    for (const row of page) {
      const seq = Number(row.seq);
      const bad = judge(row, seq, expectedSeq, prevHash);
      if (bad !== undefined) return { intact: false, checked: expectedSeq - 1, head: last, firstBad: bad };
      if (options.head !== undefined && seq === options.head.seq) anchorHash = row.hash;
      last = { seq, hash: row.hash };
      prevHash = row.hash;
      expectedSeq = seq + 1;
    }
    if (page.length < pageSize) break;
  }

  const checked = expectedSeq - 1;
  const anchor = options.head;
  if (anchor !== undefined) {
    if (anchor.seq > checked) {
      return {
        intact: false,
        checked,
        head: last,
        firstBad: {
          seq: checked + 1,
          reason: 'head_missing',
          message: `le journal s’arrête à l’entrée n° ${checked}, avant la tête notée n° ${anchor.seq} : des entrées ont été supprimées en fin de journal.`,
        },
      };
    }
    if (anchorHash !== anchor.hash) {
      return {
        intact: false,
        checked,
        head: last,
        firstBad: {
          seq: anchor.seq,
          reason: 'head_mismatch',
          message: `l’entrée n° ${anchor.seq} n’a plus l’empreinte notée : le journal a été réécrit depuis.`,
        },
      };
    }
  }
  return { intact: true, checked, head: last };
}

function judge(
  row: Row<'audit_log'>,
  seq: number,
  expectedSeq: number,
  prevHash: string,
): AuditVerification['firstBad'] {
  if (seq < expectedSeq) {
    return {
      seq,
      reason: 'inserted',
      message: `entrée n° ${seq} en dehors de la suite (la chaîne commence à 1).`,
    };
  }
  if (seq > expectedSeq) {
    const missing =
      seq - expectedSeq === 1
        ? `l’entrée n° ${expectedSeq} manque`
        : `les entrées n° ${expectedSeq} à ${seq - 1} manquent`;
    return { seq: expectedSeq, reason: 'deleted', message: `${missing} : supprimée(s).` };
  }
  const fields = { ...row, seq };
  if (auditHash(row.prev_hash, fields) !== row.hash) {
    const origin = positionHashedFor(row, seq);
    if (origin !== undefined) {
      return {
        seq,
        reason: 'reordered',
        message: `l’entrée n° ${seq} a été déplacée : son empreinte est celle de la position n° ${origin}.`,
      };
    }
    return {
      seq,
      reason: 'edited',
      message: `l’entrée n° ${seq} a été modifiée : son contenu ne donne plus son empreinte.`,
    };
  }
  if (row.prev_hash !== prevHash) {
    return {
      seq,
      reason: 'inserted',
      message:
        seq === 1
          ? 'l’entrée n° 1 ne part pas du début de la chaîne : elle a été insérée ou remplacée.'
          : `l’entrée n° ${seq} ne suit pas l’entrée n° ${seq - 1} : une entrée a été insérée ou remplacée avec une empreinte recalculée.`,
    };
  }
  return undefined;
}

/** The nearby position for which this entry's hash is right, if any: the entry was moved. */
function positionHashedFor(row: Row<'audit_log'>, seq: number): number | undefined {
  for (let distance = 1; distance <= REORDER_WINDOW; distance += 1) {
    for (const candidate of [seq - distance, seq + distance]) {
      if (candidate >= 1 && auditHash(row.prev_hash, { ...row, seq: candidate }) === row.hash)
        return candidate;
    }
  }
  return undefined;
}
