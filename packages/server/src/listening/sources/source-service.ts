import { randomUUID } from 'node:crypto';
import type { RowUpdate } from '../../db/schema.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { badRequest, notFound } from '../../http/problem.js';
import type { SourceKind } from '../incoming-post.js';
import { sourcesChanged } from '../listening-service.js';
import { SECRET_MASK, type SourceDefinition, type SourceRegistry } from './registry.js';
import {
  deleteSource,
  findSource,
  insertSource,
  listSources,
  type SourceRow,
  updateSource,
} from './source-repository.js';

export interface SourceView {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  /** The source's settings, secrets masked. */
  readonly settings: Record<string, unknown>;
  readonly enabled: boolean;
  readonly lastReadAt: string | null;
  readonly failures: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
}

export interface SourceInput {
  readonly kind: SourceKind;
  readonly name: string;
  readonly settings: Record<string, unknown>;
  readonly enabled?: boolean | undefined;
}

export interface SourceChanges {
  readonly name?: string | undefined;
  readonly settings?: Record<string, unknown> | undefined;
  readonly enabled?: boolean | undefined;
}

function parseSettings(row: SourceRow): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(row.settings);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function view(row: SourceRow, registry: SourceRegistry): SourceView {
  const settings = parseSettings(row);
  for (const secret of registry[row.kind as SourceKind]?.secretSettings ?? [])
    if (settings[secret] !== undefined && settings[secret] !== null) settings[secret] = SECRET_MASK;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    settings,
    enabled: row.enabled === 1,
    lastReadAt: row.last_read_at,
    failures: row.failures,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
}

function definitionOf(registry: SourceRegistry, kind: string): SourceDefinition<never> {
  const definition = registry[kind as SourceKind];
  if (definition === undefined) {
    throw badRequest(
      'source_indisponible',
      `Les sources de type « ${kind} » ne sont pas disponibles sur ce serveur.`,
      [{ field: 'kind', message: 'type de source non disponible' }],
    );
  }
  return definition;
}

/** The settings checked by the source's own schema; a 400 naming each wrong field, in French. */
function validSettings(definition: SourceDefinition<never>, settings: Record<string, unknown>): string {
  const parsed = definition.settingsSchema.safeParse(settings);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      field: ['settings', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    const first = errors[0];
    throw badRequest(
      'reglages_invalides',
      first === undefined
        ? 'Les réglages de la source sont invalides.'
        : `Réglages de la source invalides : « ${first.field} » : ${first.message}.`,
      errors,
    );
  }
  return JSON.stringify(parsed.data);
}

export async function listListeningSources(
  context: AppContext,
  establishmentId: string,
  registry: SourceRegistry,
): Promise<SourceView[]> {
  return (await listSources(context.storage.db, establishmentId)).map((row) => view(row, registry));
}

export async function createListeningSource(
  context: AppContext,
  establishmentId: string,
  actorId: string,
  input: SourceInput,
  registry: SourceRegistry,
): Promise<SourceView> {
  const settings = validSettings(definitionOf(registry, input.kind), input.settings);
  const row = await inUnit(context, async (unit) => {
    const created: SourceRow = {
      id: randomUUID(),
      establishment_id: establishmentId,
      kind: input.kind,
      name: input.name.trim(),
      settings,
      enabled: input.enabled === false ? 0 : 1,
      cursor: null,
      failures: 0,
      last_error: null,
      next_attempt_at: null,
      last_read_at: null,
      created_at: unit.now.toISOString(),
    };
    await insertSource(unit.trx, created);
    await unit.audit({
      establishmentId,
      actorId,
      action: 'listening.source.create',
      targetType: 'listening_source',
      targetId: created.id,
      detail: { kind: created.kind, name: created.name, enabled: created.enabled === 1 },
    });
    return created;
  });
  sourcesChanged(context);
  return view(row, registry);
}

/**
 * Edits a source. New settings start it again from nothing (its cursor belonged to the old
 * address); enabling it again clears its back-off so it is read at once. A masked secret sent
 * back unchanged keeps the stored one.
 */
export async function updateListeningSource(
  context: AppContext,
  establishmentId: string,
  sourceId: string,
  actorId: string,
  changes: SourceChanges,
  registry: SourceRegistry,
): Promise<SourceView> {
  const row = await inUnit(context, async (unit) => {
    const current = await findSource(unit.trx, establishmentId, sourceId);
    if (current === undefined) throw notFound();
    const update: RowUpdate<'listening_sources'> = {};
    const changed: string[] = [];
    if (changes.name !== undefined && changes.name.trim() !== current.name) {
      update.name = changes.name.trim();
      changed.push('name');
    }
    if (changes.settings !== undefined) {
      const definition = definitionOf(registry, current.kind);
      const stored = parseSettings(current);
      const merged = { ...changes.settings };
      for (const secret of definition.secretSettings ?? [])
        if (merged[secret] === SECRET_MASK) merged[secret] = stored[secret];
      const settings = validSettings(definition, merged);
      if (settings !== current.settings) {
        Object.assign(update, {
          settings,
          cursor: null,
          failures: 0,
          last_error: null,
          next_attempt_at: null,
        });
        changed.push('settings');
      }
    }
    if (changes.enabled !== undefined && (changes.enabled ? 1 : 0) !== current.enabled) {
      update.enabled = changes.enabled ? 1 : 0;
      if (changes.enabled) Object.assign(update, { failures: 0, next_attempt_at: null });
      changed.push('enabled');
    }
    if (changed.length === 0) return current;
    await updateSource(unit.trx, sourceId, update);
    await unit.audit({
      establishmentId,
      actorId,
      action: 'listening.source.update',
      targetType: 'listening_source',
      targetId: sourceId,
      detail: { changed, ...(update.enabled === undefined ? {} : { enabled: update.enabled === 1 }) },
    });
    return (await findSource(unit.trx, establishmentId, sourceId)) ?? current;
  });
  sourcesChanged(context);
  return view(row, registry);
}

export async function removeListeningSource(
  context: AppContext,
  establishmentId: string,
  sourceId: string,
  actorId: string,
): Promise<void> {
  await inUnit(context, async (unit) => {
    const current = await findSource(unit.trx, establishmentId, sourceId);
    if (current === undefined || !(await deleteSource(unit.trx, establishmentId, sourceId))) throw notFound();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'listening.source.delete',
      targetType: 'listening_source',
      targetId: sourceId,
      detail: { kind: current.kind, name: current.name },
    });
  });
  sourcesChanged(context);
}
