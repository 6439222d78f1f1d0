import type { FastifyRequest } from 'fastify';
import { badRequest, Problem } from '../http/problem.js';
import { MAX_SCREENSHOTS, REPORT_FIELDS } from './report-form.js';

export interface ReceivedFile {
  readonly declaredName: string;
  readonly bytes: Buffer;
}

export interface ReceivedForm {
  readonly fields: Record<string, string>;
  readonly files: ReceivedFile[];
}

const SCREENSHOTS_FIELD = 'screenshots';

/**
 * Reads a multipart report form entirely into memory, before anything is written: the files
 * are small (each is capped by the multipart plugin, which throws a 413 beyond the limit, and
 * there are at most five), and a form refused halfway must leave nothing behind. Unknown or
 * repeated fields, truncated values and a sixth file are refused.
 */
export async function readReportForm(request: FastifyRequest): Promise<ReceivedForm> {
  if (!request.isMultipart())
    throw new Problem(415, 'type_non_pris_en_charge', 'Un formulaire multipart/form-data est attendu.');
  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== SCREENSHOTS_FIELD) {
        throw badRequest(
          'champ_inconnu',
          `Fichier inattendu dans le champ « ${part.fieldname.slice(0, 40)} ».`,
        );
      }
      if (files.length >= MAX_SCREENSHOTS) {
        throw new Problem(
          413,
          'trop_de_fichiers',
          `Au plus ${MAX_SCREENSHOTS} captures d’écran par signalement.`,
        );
      }
      const bytes = await part.toBuffer();
      // A browser sends an empty, nameless part for a file input left empty: nothing was chosen.
      if (bytes.length === 0 && part.filename === '') continue;
      files.push({ declaredName: part.filename, bytes });
      continue;
    }
    const name = part.fieldname;
    if (!REPORT_FIELDS.includes(name)) {
      throw badRequest('champ_inconnu', `Champ inconnu « ${name.slice(0, 40)} ».`);
    }
    if (Object.hasOwn(fields, name))
      throw badRequest('champ_repete', `Le champ « ${name} » est envoyé deux fois.`);
    if (part.valueTruncated || part.fieldnameTruncated || typeof part.value !== 'string') {
      throw new Problem(413, 'champ_trop_long', `Le champ « ${name} » est trop long.`);
    }
    fields[name] = part.value;
  }
  return { fields, files };
}
