import type { ConsentUse } from '../../db/schema.js';
import type { ConsentRow } from './consent-repository.js';
import type { ConsentTerms } from './consent-rules.js';

/** A register row as the terms the rules read (uses and networks are JSON columns). */
export function consentTerms(row: ConsentRow): ConsentTerms {
  return {
    id: row.id,
    personName: row.person_name,
    personKind: row.person_kind,
    uses: JSON.parse(row.uses) as ConsentUse[],
    networks: JSON.parse(row.networks) as string[],
    givenOn: row.given_on,
    expiresOn: row.expires_on,
    withdrawnAt: row.withdrawn_at,
  };
}
