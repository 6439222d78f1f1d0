import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Storage } from '../db/database.js';
import type { Role } from '../db/schema.js';

export const DEMO_ESTABLISHMENT_NAME = 'CHU de Démonstration';

export interface DemoAccount {
  readonly role: Role;
  readonly email: string;
  readonly password: string;
}

/** The demo's director: reads the dashboards of the demo hospital and of its group (issue 14). */
export const DEMO_DIRECTOR_EMAIL = 'direction@demo.blouse.fr';

const DEMO_USERS: readonly { role: Role; email: string; name: string }[] = [
  { role: 'admin', email: 'admin@demo.blouse.fr', name: 'Alice Administratrice' },
  { role: 'direction', email: DEMO_DIRECTOR_EMAIL, name: 'Diane Direction' },
  { role: 'communication', email: 'communication@demo.blouse.fr', name: 'Camille Communication' },
  { role: 'community_manager', email: 'cm@demo.blouse.fr', name: 'Chris Community' },
  { role: 'legal', email: 'juridique@demo.blouse.fr', name: 'Louise Juridique' },
  { role: 'agent', email: 'agent@demo.blouse.fr', name: 'Adam Agent' },
];

/**
 * The demo establishment and one account per role. Passwords are drawn again at every start and
 * printed once by `serve`: nothing to remember, nothing published that lasts. The accounts are
 * flagged demo, so they open nothing when the server runs outside demo mode.
 */
export async function seedDemo(
  storage: Storage,
  now: Date,
): Promise<{ establishmentId: string; created: boolean; accounts: DemoAccount[] }> {
  const db = storage.db;
  const existing = await db
    .selectFrom('establishments')
    .select('id')
    .where('name', '=', DEMO_ESTABLISHMENT_NAME)
    .executeTakeFirst();
  const establishmentId = existing?.id ?? randomUUID();
  const accounts: DemoAccount[] = [];
  await db.transaction().execute(async (trx) => {
    if (existing === undefined) {
      await trx
        .insertInto('establishments')
        .values({
          id: establishmentId,
          group_id: null,
          name: DEMO_ESTABLISHMENT_NAME,
          guard_lists: JSON.stringify({ names: [DEMO_ESTABLISHMENT_NAME, 'CHU Démo'] }),
          created_at: now.toISOString(),
        })
        .execute();
    }
    for (const user of DEMO_USERS) {
      const password = `demo-${randomBytes(9).toString('base64url')}`;
      // @node-rs/argon2 hashes with argon2id by default.
      const passwordHash = await hash(password);
      const found = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', user.email)
        .executeTakeFirst();
      const userId = found?.id ?? randomUUID();
      if (found === undefined) {
        await trx
          .insertInto('users')
          .values({
            id: userId,
            email: user.email,
            display_name: user.name,
            password_hash: passwordHash,
            oidc_issuer: null,
            oidc_subject: null,
            demo: 1,
            disabled: 0,
            created_at: now.toISOString(),
          })
          .execute();
        await trx
          .insertInto('memberships')
          .values({
            user_id: userId,
            establishment_id: establishmentId,
            role: user.role,
            created_at: now.toISOString(),
          })
          .execute();
      } else {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash })
          .where('id', '=', userId)
          .execute();
        // The passwords printed before this start no longer open anything.
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      }
      accounts.push({ role: user.role, email: user.email, password });
    }
  });
  return { establishmentId, created: existing === undefined, accounts };
}
