import { type FileHandle, open } from 'node:fs/promises';
import type { Entry } from 'yauzl';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const EOCD_BYTES = 22;
const ZIP64_LOCATOR_BYTES = 20;

/** Where the central directory is, and where what follows it begins. */
interface Directory {
  readonly offset: number;
  readonly size: number;
  /** The zip64 end record when there is one, else the end record: the directory must end here. */
  readonly endsAt: number;
}

/**
 * The archive's bytes must be exactly: the local entries named by the central directory, one
 * after the other from the first byte, then the central directory, then its end records. A zip
 * reader that trusts only the central directory (as we do) would otherwise vouch for an archive
 * whose other readers see something else: two entries sharing bytes (overlap), a local entry the
 * directory does not list (another tool may extract it), or data hidden before, between or after
 * the entries. Returns one French reason per departure from that layout.
 */
export async function zipLayoutProblems(path: string, entries: readonly Entry[]): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const directory = await findDirectory(file, size);
    if (directory === undefined) return ['fin de répertoire central introuvable ou inattendue'];
    const problems: string[] = [];

    const spans: Array<{ start: number; end: number; name: string }> = [];
    let directoryBytes = 0;
    for (const entry of entries) {
      directoryBytes +=
        CENTRAL_HEADER_BYTES + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
      const name = entry.fileNameRaw.toString('latin1').slice(0, 80);
      const span = await localSpan(file, entry, directory.offset);
      if (span === undefined) problems.push(`en-tête local introuvable pour « ${name} »`);
      else spans.push({ ...span, name });
    }
    if (directoryBytes !== directory.size) {
      problems.push('le répertoire central contient des octets qui ne décrivent aucune entrée');
    }

    spans.sort((a, b) => a.start - b.start);
    let cursor = 0;
    for (const span of spans) {
      if (span.start < cursor) {
        problems.push(`l’entrée « ${span.name} » chevauche la précédente`);
      } else if (span.start > cursor) {
        problems.push(
          cursor === 0
            ? `${span.start} octets avant la première entrée`
            : `${span.start - cursor} octets hors du répertoire central avant « ${span.name} » (entrée cachée ?)`,
        );
      }
      cursor = Math.max(cursor, span.end);
    }
    if (cursor > directory.offset) problems.push('une entrée déborde sur le répertoire central');
    else if (cursor < directory.offset) {
      problems.push(
        `${directory.offset - cursor} octets hors du répertoire central après la dernière entrée`,
      );
    }
    if (directory.offset + directory.size !== directory.endsAt) {
      problems.push('des octets séparent le répertoire central de sa fin');
    }
    return problems;
  } finally {
    await file.close();
  }
}

async function read(file: FileHandle, position: number, length: number): Promise<Buffer | undefined> {
  if (position < 0 || length < 0) return undefined;
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : undefined;
}

/**
 * The end record must close the file exactly (its comment reaching the last byte); yauzl already
 * refuses bytes after it. With zip64, the locator sits just before it and points to the zip64 end.
 */
async function findDirectory(file: FileHandle, size: number): Promise<Directory | undefined> {
  const tailLength = Math.min(size, EOCD_BYTES + 0xffff);
  const tail = await read(file, size - tailLength, tailLength);
  if (tail === undefined) return undefined;
  for (let at = tail.length - EOCD_BYTES; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) !== END_OF_CENTRAL_DIRECTORY) continue;
    if (at + EOCD_BYTES + tail.readUInt16LE(at + 20) !== tail.length) continue;
    const eocdAt = size - tailLength + at;
    const offset = tail.readUInt32LE(at + 16);
    const directorySize = tail.readUInt32LE(at + 12);
    const locator = await read(file, eocdAt - ZIP64_LOCATOR_BYTES, ZIP64_LOCATOR_BYTES);
    if (locator?.readUInt32LE(0) !== ZIP64_LOCATOR) return { offset, size: directorySize, endsAt: eocdAt };
    const zip64At = Number(locator.readBigUInt64LE(8));
    const zip64 = await read(file, zip64At, 56);
    if (zip64?.readUInt32LE(0) !== ZIP64_END) return undefined;
    return {
      offset: Number(zip64.readBigUInt64LE(48)),
      size: Number(zip64.readBigUInt64LE(40)),
      endsAt: zip64At,
    };
  }
  return undefined;
}

/** The bytes an entry occupies: local header, name, extra field, data, and data descriptor. */
async function localSpan(
  file: FileHandle,
  entry: Entry,
  directoryOffset: number,
): Promise<{ start: number; end: number } | undefined> {
  const start = entry.relativeOffsetOfLocalHeader;
  if (start + LOCAL_HEADER_BYTES > directoryOffset) return undefined;
  const header = await read(file, start, LOCAL_HEADER_BYTES);
  if (header?.readUInt32LE(0) !== LOCAL_HEADER) return undefined;
  const dataStart = start + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
  let end = dataStart + entry.compressedSize;
  if ((entry.generalPurposeBitFlag & 0x8) !== 0) {
    // A data descriptor follows the data: with or without its optional signature, 32- or 64-bit sizes.
    const zip64 = entry.compressedSize >= 0xffffffff || entry.uncompressedSize >= 0xffffffff;
    const signature = await read(file, end, 4);
    const sizes = zip64 ? 20 : 12;
    end += signature?.readUInt32LE(0) === DATA_DESCRIPTOR ? 4 + sizes : sizes;
  }
  return { start, end };
}
