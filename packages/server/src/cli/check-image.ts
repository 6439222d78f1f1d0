import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { GuardContext } from '@blouse/guard';
import {
  checkAndCopyImage,
  checkImage,
  type ImageCheck,
  type ImageFinding,
  type ImageMetadata,
  type SafeCopy,
  UnreadableImageError,
} from '@blouse/guard-image';
import type { ParsedArgs } from './args.js';
import { printable } from './display-text.js';
import { dataError, EXIT, inputError, usageError } from './exit-status.js';
import type { CliIo } from './io.js';
import { readFileBytes } from './read-input.js';

const HELP_POINTER = 'blouse check --help';
/** A phone's photo is a few megabytes; a 100-megapixel one, some tens. */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/**
 * `blouse check --image FICHIER [--json] [--fix COPIE]`: what a picture gives away, with the same
 * exit statuses as for a text: its metadata (where it was taken, who took it), the faces in it,
 * and the text in its background, read by the text guard in the given context.
 */
export async function checkImageCommand(args: ParsedArgs, io: CliIo, context: GuardContext): Promise<number> {
  const path = args.values.get('image') as string;
  if (args.positionals.length > 0 || args.values.has('file'))
    throw usageError('une seule chose à la fois : un texte ou --image, pas les deux.', HELP_POINTER);
  if (args.flags.has('redact'))
    throw usageError(
      '--redact vaut pour un texte ; pour une image, --fix COPIE écrit une copie sûre.',
      HELP_POINTER,
    );
  const fixed = args.values.get('fix');
  if (fixed !== undefined && resolve(io.cwd, fixed) === resolve(io.cwd, path))
    throw usageError(
      '--fix écrit une copie : donnez un autre nom que celui de l’image vérifiée.',
      HELP_POINTER,
    );
  const bytes = await readFileBytes(path, io.cwd, MAX_IMAGE_BYTES);
  let check: ImageCheck;
  let copy: SafeCopy | null = null;
  try {
    if (fixed === undefined) check = await checkImage(bytes, context);
    else ({ check, copy } = await checkAndCopyImage(bytes, context));
  } catch (error) {
    if (error instanceof UnreadableImageError)
      throw dataError(
        `« ${path} » n’est pas une image lisible (JPEG, PNG, WebP, AVIF ou HEIC) : rien n’a été vérifié.`,
      );
    throw error;
  }
  const { metadata, findings, verdict } = check;
  if (fixed !== undefined && copy !== null) await writeSafeCopy(copy, fixed, io.cwd);
  if (args.flags.has('json'))
    io.stdout.write(
      `${JSON.stringify({ file: path, verdict, metadata, backgroundText: check.backgroundText, findings, hidden: check.regions, safeCopy: fixed ?? null }, null, 2)}\n`,
    );
  else io.stdout.write(renderImageReport(path, metadata, findings, verdict, fixed));
  return verdict === 'block' ? EXIT.block : verdict === 'warn' ? EXIT.warn : EXIT.ok;
}

async function writeSafeCopy(copy: SafeCopy, output: string, cwd: string): Promise<void> {
  try {
    // « wx »: never over an existing file, which may be someone's only original.
    await writeFile(resolve(cwd, output), copy.bytes, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(
      code === 'EEXIST'
        ? `« ${output} » existe déjà : choisissez un autre nom pour la copie sûre.`
        : `impossible d’écrire « ${output} » (${code ?? 'erreur'}).`,
    );
  }
}

/** The words of the text report, so that a script reads both alike. */
const VERDICT_LINES = {
  ok: 'Verdict : Publication possible',
  warn: 'Verdict : À revoir avant publication',
  block: 'Verdict : Ne pas publier en l’état',
} as const;

function renderImageReport(
  path: string,
  metadata: ImageMetadata,
  findings: readonly ImageFinding[],
  verdict: keyof typeof VERDICT_LINES,
  fixed: string | undefined,
): string {
  const lines = [
    `Image vérifiée : ${printable(path)} (${metadata.format.toUpperCase()}, ${metadata.width} × ${metadata.height})`,
    '',
    VERDICT_LINES[verdict],
  ];
  for (const finding of findings) lines.push('', `• ${finding.rule} : ${finding.explanation.fr}`);
  if (metadata.device.length > 0)
    lines.push(
      '',
      `Appareil noté dans le fichier : ${metadata.device.map((d) => printable(d.value)).join(', ')} (retiré de la copie sûre).`,
    );
  lines.push(
    '',
    fixed === undefined
      ? 'Pour une copie sans métadonnées : blouse check --image FICHIER --fix COPIE'
      : `Copie sûre écrite : ${printable(fixed)} (sans métadonnées, tournée comme elle s’affiche, visages et textes sensibles masqués).`,
    '',
  );
  return lines.join('\n');
}
