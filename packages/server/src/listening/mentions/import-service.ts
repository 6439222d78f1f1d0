import type { FastifyRequest } from 'fastify';
import { type AppContext, inUnit } from '../../http/context.js';
import { badRequest } from '../../http/problem.js';
import { ingestBatch } from '../ingest/ingest-batch.js';
import { ImportError } from '../sources/import/import-error.js';
import { parseMentionImport } from '../sources/import/parse-mention-import.js';
import { importSettingsSchema } from '../sources/import/settings.js';

export interface ImportOutcome {
  /** Rows read from the file (kept, duplicates, not concerning the establishment, refused). */
  readonly received: number;
  readonly stored: number;
  readonly duplicates: number;
  /** Rows in which none of the establishment's watch terms appears: not kept (minimal storage). */
  readonly unmatched: number;
  readonly rejected: { line: number; message: string }[];
}

interface ImportUpload {
  readonly fileName: string;
  readonly content: Buffer;
  readonly fields: Record<string, string>;
}

/** One file in « file », and the fields « format » and « timeZone »; the multipart plugin caps the size. */
export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  const fields: Record<string, string> = {};
  let file: { name: string; content: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (file !== undefined || part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest('fichier_en_trop', 'Envoyez un seul fichier, dans le champ « file ».');
      }
      file = { name: part.filename, content: await part.toBuffer() };
    } else {
      if (Object.hasOwn(fields, part.fieldname)) {
        throw badRequest('champ_en_double', `Le champ « ${part.fieldname} » est donné deux fois.`);
      }
      fields[part.fieldname] = String(part.value);
    }
  }
  if (file === undefined) {
    throw badRequest(
      'fichier_manquant',
      'Joignez le fichier exporté (champ « file »), au format CSV ou JSON.',
    );
  }
  return { fileName: file.name, content: file.content, fields };
}

/** The format asked for, or the one the file's name says. */
function formatOf(upload: ImportUpload): string | undefined {
  if (upload.fields.format !== undefined) return upload.fields.format;
  const extension = /\.([a-z]+)$/i.exec(upload.fileName)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'json' ? extension : undefined;
}

/**
 * Imports an export of another listening tool into an establishment's mentions, through the
 * same ingestion as every source (deduplicated, matched, checked by the guard). No alert is
 * raised: what is imported is history, not news. The audit log keeps the counts and the file's
 * name, never its content.
 */
export async function importMentions(
  context: AppContext,
  establishmentId: string,
  actorId: string,
  upload: ImportUpload,
): Promise<ImportOutcome> {
  const fieldNames = Object.keys(upload.fields).filter((name) => name !== 'format' && name !== 'timeZone');
  if (fieldNames.length > 0) {
    throw badRequest('champ_inconnu', `Champ inconnu : « ${fieldNames[0]} ».`, [
      { field: fieldNames[0] ?? '', message: 'champ inconnu' },
    ]);
  }
  const settings = importSettingsSchema.safeParse({
    format: formatOf(upload),
    timeZone: upload.fields.timeZone,
  });
  if (!settings.success) {
    const errors = settings.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: issue.message,
    }));
    throw badRequest('import_invalide', `Champ « ${errors[0]?.field} » : ${errors[0]?.message}.`, errors);
  }
  let parsed: ReturnType<typeof parseMentionImport>;
  try {
    parsed = parseMentionImport(upload.content, settings.data.format, {
      timeZone: settings.data.timeZone,
      now: context.clock,
      maxBytes: context.config.maxFileBytes,
    });
  } catch (error) {
    if (error instanceof ImportError) throw badRequest(error.code, error.message);
    throw error;
  }
  const result = await ingestBatch(context, { sourceId: null, establishmentId }, parsed.posts, null, []);
  const outcome: ImportOutcome = {
    received: parsed.posts.length + parsed.rejected.length,
    stored: result.stored,
    duplicates: result.duplicates,
    unmatched: result.unmatched,
    rejected: [
      ...parsed.rejected.map((row) => ({ line: row.line, message: row.message })),
      // Rows the parser accepted but ingestion could not store: no line is known any more.
      ...result.rejected.map((row) => ({ line: 0, message: row.message })),
    ],
  };
  await inUnit(context, (unit) =>
    unit.audit({
      establishmentId,
      actorId,
      action: 'listening.import',
      targetType: 'mention',
      targetId: null,
      detail: {
        fileName: upload.fileName.slice(0, 200),
        format: settings.data.format,
        received: outcome.received,
        stored: outcome.stored,
        duplicates: outcome.duplicates,
        unmatched: outcome.unmatched,
        rejected: outcome.rejected.length,
      },
    }),
  );
  return outcome;
}
