import { randomUUID } from 'node:crypto';
import { isPublishingNetwork, type PublishingNetwork } from '@blouse/contract';
import type { Row } from '../../db/schema.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { badRequest, notFound, Problem } from '../../http/problem.js';
import { open, type SecretKeys, seal } from '../../platform/secrets/secret-box.js';

export interface AccountView {
  readonly id: string;
  readonly network: PublishingNetwork;
  readonly serviceUrl: string;
  readonly identifier: string;
  readonly updatedAt: string;
}

const binding = (id: string) => `publishing_accounts:${id}`;

function keysOf(context: AppContext): SecretKeys {
  const keys = context.config.secretKeys;
  if (keys === undefined)
    throw new Problem(
      503,
      'cle_de_chiffrement_absente',
      'Aucune clé ne protège les comptes des réseaux : l’administrateur du serveur doit définir BLOUSE_SECRET_KEY.',
    );
  return keys;
}

export async function listAccounts(context: AppContext, establishmentId: string): Promise<AccountView[]> {
  const rows = await context.storage.db
    .selectFrom('publishing_accounts')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .orderBy('network')
    .execute();
  return rows.map(view);
}

/**
 * Connects (or replaces) the establishment's account on a network. The secret is sealed before
 * it reaches the database and is never returned; the audit log says who connected what, not the secret.
 */
export async function connectAccount(
  context: AppContext,
  establishmentId: string,
  actorId: string,
  input: { network: string; serviceUrl: string; identifier: string; secret: string },
): Promise<AccountView> {
  if (!isPublishingNetwork(input.network))
    throw badRequest('reseau_inconnu', 'Ce réseau n’est pas pris en charge.', [
      { field: 'network', message: 'réseau inconnu' },
    ]);
  const keys = keysOf(context);
  const row = await inUnit(context, async (unit) => {
    const existing = await unit.trx
      .selectFrom('publishing_accounts')
      .select('id')
      .where('establishment_id', '=', establishmentId)
      .where('network', '=', input.network)
      .executeTakeFirst();
    const id = existing?.id ?? randomUUID();
    const now = unit.now.toISOString();
    const values: Row<'publishing_accounts'> = {
      id,
      establishment_id: establishmentId,
      network: input.network,
      service_url: input.serviceUrl,
      identifier: input.identifier.trim(),
      secret: seal(keys, input.secret, binding(id)),
      created_at: now,
      updated_at: now,
    };
    if (existing === undefined) await unit.trx.insertInto('publishing_accounts').values(values).execute();
    else
      await unit.trx
        .updateTable('publishing_accounts')
        .set({
          service_url: values.service_url,
          identifier: values.identifier,
          secret: values.secret,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'publishing.account.connect',
      targetType: 'publishing_account',
      targetId: id,
      detail: { network: input.network, identifier: values.identifier, serviceUrl: input.serviceUrl },
    });
    return values;
  });
  return view(row);
}

export async function removeAccount(
  context: AppContext,
  establishmentId: string,
  actorId: string,
  network: string,
): Promise<void> {
  await inUnit(context, async (unit) => {
    const row = await unit.trx
      .selectFrom('publishing_accounts')
      .select(['id', 'identifier'])
      .where('establishment_id', '=', establishmentId)
      .where('network', '=', network)
      .executeTakeFirst();
    if (row === undefined) throw notFound();
    await unit.trx.deleteFrom('publishing_accounts').where('id', '=', row.id).execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'publishing.account.remove',
      targetType: 'publishing_account',
      targetId: row.id,
      detail: { network, identifier: row.identifier },
    });
  });
}

/** The account with its secret opened, for one publication; null when none is connected. */
export async function accountForPublishing(
  context: AppContext,
  establishmentId: string,
  network: string,
): Promise<{ serviceUrl: string; identifier: string; secret: string } | null> {
  const row = await context.storage.db
    .selectFrom('publishing_accounts')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('network', '=', network)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    serviceUrl: row.service_url,
    identifier: row.identifier,
    secret: open(keysOf(context), row.secret, binding(row.id)),
  };
}

/** Seals every account's secret again with the current key (`blouse secrets rotate`); returns how many. */
export async function resealAccounts(context: AppContext): Promise<number> {
  const keys = keysOf(context);
  return inUnit(context, async (unit) => {
    const rows = await unit.trx.selectFrom('publishing_accounts').select(['id', 'secret']).execute();
    for (const row of rows) {
      const plain = open(keys, row.secret, binding(row.id));
      await unit.trx
        .updateTable('publishing_accounts')
        .set({ secret: seal(keys, plain, binding(row.id)) })
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  });
}

function view(row: Row<'publishing_accounts'>): AccountView {
  return {
    id: row.id,
    network: row.network as PublishingNetwork,
    serviceUrl: row.service_url,
    identifier: row.identifier,
    updatedAt: row.updated_at,
  };
}
