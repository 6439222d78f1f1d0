import { randomUUID } from 'node:crypto';
import { readGuardLists } from '../accounts/establishment-service.js';
import type { AppContext } from '../http/context.js';
import { acknowledgeCharter, currentCharter } from '../training/charter-service.js';
import { assignService } from '../training/member-service.js';
import { saveResult } from '../training/quiz-repository.js';

/** The demo's services (fictitious), added to its lists when it has none. */
const SERVICES = ['Pharmacie', 'Radiologie', 'Services administratifs', 'Logistique'];

/**
 * A few fictitious colleagues who cannot sign in (no password), so that the rates per service
 * have something to show on a first visit, and one that is too small to be shown on its own.
 * score: their last quiz score out of 10, or null when they have not taken it.
 */
const STAFF: readonly {
  name: string;
  email: string;
  service: string;
  acknowledged: boolean;
  score: number | null;
}[] = [
  {
    name: 'Inès Roux',
    email: 'ines.roux@demo.blouse.fr',
    service: 'Radiologie',
    acknowledged: true,
    score: 8,
  },
  {
    name: 'Marc Petit',
    email: 'marc.petit@demo.blouse.fr',
    service: 'Radiologie',
    acknowledged: true,
    score: 9,
  },
  {
    name: 'Sofia Lemoine',
    email: 'sofia.lemoine@demo.blouse.fr',
    service: 'Radiologie',
    acknowledged: true,
    score: 7,
  },
  {
    name: 'Hugo Bernard',
    email: 'hugo.bernard@demo.blouse.fr',
    service: 'Pharmacie',
    acknowledged: true,
    score: 10,
  },
  {
    name: 'Nadia Faure',
    email: 'nadia.faure@demo.blouse.fr',
    service: 'Pharmacie',
    acknowledged: false,
    score: null,
  },
  {
    name: 'Paul Garnier',
    email: 'paul.garnier@demo.blouse.fr',
    service: 'Pharmacie',
    acknowledged: true,
    score: 6,
  },
  {
    name: 'Léa Mercier',
    email: 'lea.mercier@demo.blouse.fr',
    service: 'Logistique',
    acknowledged: false,
    score: null,
  },
];

/** The demo's sign-in accounts that work in the administration (the agent chooses their own). */
const OFFICE = [
  'admin@demo.blouse.fr',
  'communication@demo.blouse.fr',
  'cm@demo.blouse.fr',
  'juridique@demo.blouse.fr',
];

/**
 * « Formation » on a first visit: the default charter (version 1, nothing to publish), services
 * in the demo's lists, and acknowledgements and scores of fictitious colleagues for the rates.
 * The demo agent has acknowledged nothing: they are asked, as a newcomer would be.
 */
export async function seedDemoTraining(context: AppContext, establishmentId: string): Promise<void> {
  const db = context.storage.db;
  const lists = await readGuardLists(context, establishmentId);
  if (lists.services.length === 0)
    await db
      .updateTable('establishments')
      .set({ guard_lists: JSON.stringify({ ...lists, services: SERVICES }) })
      .where('id', '=', establishmentId)
      .execute();
  const now = context.clock();
  const charter = await currentCharter(context, establishmentId);
  for (const person of STAFF) {
    const id = randomUUID();
    await db
      .insertInto('users')
      .values({
        id,
        email: person.email,
        display_name: person.name,
        password_hash: null,
        oidc_issuer: null,
        oidc_subject: null,
        demo: 1,
        disabled: 0,
        created_at: now.toISOString(),
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({
        user_id: id,
        establishment_id: establishmentId,
        role: 'agent',
        created_at: now.toISOString(),
      })
      .execute();
    await assignService(context, establishmentId, id, person.service);
    if (person.acknowledged)
      await acknowledgeCharter(context, establishmentId, id, {
        version: charter.version,
        sha256: charter.sha256,
        language: 'fr',
      });
    if (person.score !== null)
      await saveResult(db, {
        user_id: id,
        establishment_id: establishmentId,
        score: person.score,
        total: 10,
        taken_at: now.toISOString(),
      });
  }
  const office = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', OFFICE).execute();
  for (const { id, email } of office) {
    await assignService(context, establishmentId, id, 'Services administratifs');
    if (email !== 'admin@demo.blouse.fr')
      await acknowledgeCharter(context, establishmentId, id, {
        version: charter.version,
        sha256: charter.sha256,
        language: 'fr',
      });
  }
}
