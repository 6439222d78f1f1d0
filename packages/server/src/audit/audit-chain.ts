import { createHash } from 'node:crypto';

/** The link before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  readonly seq: number;
  readonly at: string;
  readonly establishment_id: string | null;
  readonly actor_id: string | null;
  readonly action: string;
  readonly target_type: string;
  readonly target_id: string | null;
  readonly detail: string;
}

/**
 * The hash of an entry covers its previous link and every field, in a fixed order, so that
 * editing, deleting, inserting or reordering any entry breaks every link after it.
 */
export function auditHash(prevHash: string, fields: AuditFields): string {
  const canonical = JSON.stringify([
    fields.seq,
    fields.at,
    fields.establishment_id,
    fields.actor_id,
    fields.action,
    fields.target_type,
    fields.target_id,
    fields.detail,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
