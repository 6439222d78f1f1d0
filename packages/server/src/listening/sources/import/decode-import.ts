import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { decodeWindows1252 } from '../windows-1252.js';
import { ImportError } from './import-error.js';

export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/*
 * Exports arrive as UTF-8 (with a byte order mark when Excel wrote « CSV UTF-8 »), as UTF-16
 * (Excel's « Texte Unicode »), or as Windows-1252 (Excel's plain « CSV » on a French Windows).
 * Bytes that are valid UTF-8 are read as UTF-8; anything else is read as Windows-1252, and the
 * result says so, so that the page can tell the person which encoding was assumed. Files that
 * are not text at all (a workbook, a PDF) are refused with the way out.
 */
export function decodeImportBytes(bytes: Buffer): { text: string; encoding: ImportEncoding } {
  refuseBinary(bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    if (!isUtf8(body)) {
      throw new ImportError(
        'encodage',
        'Le fichier annonce de l’UTF-8 mais contient des caractères invalides : enregistrez-le de nouveau au format « CSV UTF-8 ».',
      );
    }
    return { text: body.toString('utf8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new ImportError(
      'encodage',
      'Le fichier contient des octets nuls : c’est un fichier binaire ou de l’UTF-16 sans marque d’ordre. Enregistrez-le au format « CSV UTF-8 ».',
    );
  }
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'un classeur (.xlsx ou .ods) ou une archive ZIP'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'un classeur Excel ancien format (.xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'un PDF'],
];

function refuseBinary(bytes: Buffer): void {
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte)) {
      throw new ImportError(
        'format_non_reconnu',
        `Ce fichier est ${what}, pas un export CSV ou JSON : dans le tableur, choisissez « Enregistrer sous… » puis « CSV UTF-8 ».`,
      );
    }
  }
}
