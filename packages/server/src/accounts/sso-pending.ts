import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** The table added by migrations 0002 and 0006 (db/schema.ts is shared; Kysely learns it here). */
export interface SsoPendingTable {
  id: string;
  establishment_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
  /** SHA-256 of the address that started the login: counted per address, never shown. */
  client_address: string;
}
type WithPending = Database & { sso_pending: SsoPendingTable };

export const pending = (db: Kysely<Database> | Transaction<Database>) =>
  (db as Kysely<Database>).withTables<{ sso_pending: SsoPendingTable }>() as Kysely<WithPending>;
