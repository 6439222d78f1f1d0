import { createHash, randomUUID } from 'node:crypto';
import type { CharterLanguage } from '../db/schema.js';
import { type AppContext, inUnit } from '../http/context.js';
import { conflict } from '../http/problem.js';
import {
  findAcknowledgement,
  insertVersion,
  lastAcknowledgement,
  latestVersion,
  upsertAcknowledgement,
} from './charter-repository.js';
import { DEFAULT_CHARTER_FR } from './default-charter.js';

/** The charter in force in an establishment. */
export interface CharterText {
  readonly version: number;
  readonly body: string;
  readonly sha256: string;
  /** Null while Blouse's default text has not been written down by a first publication. */
  readonly publishedAt: string | null;
  /** Blouse's default text, which the establishment has not replaced yet. */
  readonly isDefault: boolean;
}

export interface CharterStatus extends CharterText {
  /** When the person acknowledged this very text; null: they are asked to. */
  readonly acknowledgedAt: string | null;
  /** The last version they acknowledged, when it is an older one (a new version asks again). */
  readonly previousVersion: number | null;
}

export const sha256Of = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');

const DEFAULT_SHA256 = sha256Of(DEFAULT_CHARTER_FR);

/**
 * The version in force. An establishment that published nothing reads Blouse's default text as
 * version 1, computed rather than stored: a GET never writes, so two processes on PostgreSQL
 * cannot race to create it. The first publication writes it down (publishCharter).
 */
export async function currentCharter(context: AppContext, establishmentId: string): Promise<CharterText> {
  const latest = await latestVersion(context.storage.db, establishmentId);
  if (latest === undefined)
    return {
      version: 1,
      body: DEFAULT_CHARTER_FR,
      sha256: DEFAULT_SHA256,
      publishedAt: null,
      isDefault: true,
    };
  return {
    version: latest.version,
    body: latest.body,
    sha256: latest.sha256,
    publishedAt: latest.published_at,
    isDefault: latest.published_by === null,
  };
}

export async function charterStatus(
  context: AppContext,
  establishmentId: string,
  userId: string,
): Promise<CharterStatus> {
  const charter = await currentCharter(context, establishmentId);
  const db = context.storage.db;
  const own = await findAcknowledgement(db, userId, establishmentId, charter.version);
  const acknowledgedAt = own !== undefined && own.sha256 === charter.sha256 ? own.acknowledged_at : null;
  const last = acknowledgedAt === null ? await lastAcknowledgement(db, userId, establishmentId) : undefined;
  return {
    ...charter,
    acknowledgedAt,
    previousVersion: last !== undefined && last.version < charter.version ? last.version : null,
  };
}

/**
 * Records that the person read and acknowledges the version they name. They must name the
 * version in force and the hash of its text: a page left open while a new version was published
 * gets a 409 instead of acknowledging a text the person did not read. Acknowledging twice keeps
 * the first date.
 */
export async function acknowledgeCharter(
  context: AppContext,
  establishmentId: string,
  userId: string,
  input: { readonly version: number; readonly sha256: string; readonly language: CharterLanguage },
): Promise<CharterStatus> {
  const charter = await currentCharter(context, establishmentId);
  if (input.version !== charter.version || input.sha256 !== charter.sha256)
    throw conflict(
      'charte_perimee',
      `Une nouvelle version de la charte (version ${charter.version}) a été publiée : relisez-la avant de la reconnaître.`,
    );
  const status = await charterStatus(context, establishmentId, userId);
  if (status.acknowledgedAt !== null) return status;
  await upsertAcknowledgement(context.storage.db, {
    user_id: userId,
    establishment_id: establishmentId,
    version: charter.version,
    sha256: charter.sha256,
    acknowledged_at: context.clock().toISOString(),
    channel: 'web',
    language: input.language,
  });
  return charterStatus(context, establishmentId, userId);
}

/**
 * Publishes a new version; from then on everyone is asked to acknowledge it. The first
 * publication also writes down the default text as version 1, so that what people acknowledged
 * before stays readable in the history. Two publications at once: the second gets a 409.
 */
export async function publishCharter(
  context: AppContext,
  establishmentId: string,
  actorId: string,
  body: string,
): Promise<CharterText> {
  const sha256 = sha256Of(body);
  const published = await inUnit(context, async (unit) => {
    const now = unit.now.toISOString();
    const latest = await latestVersion(unit.trx, establishmentId);
    if ((latest?.sha256 ?? DEFAULT_SHA256) === sha256)
      throw conflict('charte_inchangee', 'Ce texte est déjà la version en vigueur : rien à publier.');
    if (latest === undefined)
      await insertVersion(unit.trx, {
        id: randomUUID(),
        establishment_id: establishmentId,
        version: 1,
        body: DEFAULT_CHARTER_FR,
        sha256: DEFAULT_SHA256,
        published_by: null,
        published_at: now,
      });
    const version = (latest?.version ?? 1) + 1;
    const id = randomUUID();
    const inserted = await insertVersion(unit.trx, {
      id,
      establishment_id: establishmentId,
      version,
      body,
      sha256,
      published_by: actorId,
      published_at: now,
    });
    if (!inserted)
      throw conflict(
        'publication_concurrente',
        'Une autre version vient d’être publiée en même temps : rechargez la page et relisez-la.',
      );
    // The text is in charter_versions; the log keeps what identifies it.
    await unit.audit({
      establishmentId,
      actorId,
      action: 'training.charter.publish',
      targetType: 'charter_version',
      targetId: id,
      detail: { version, sha256, characters: body.length },
    });
    return { version, publishedAt: now };
  });
  return { version: published.version, body, sha256, publishedAt: published.publishedAt, isDefault: false };
}
