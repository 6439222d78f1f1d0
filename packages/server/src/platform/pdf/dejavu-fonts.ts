import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff-to-sfnt.js';

const require = createRequire(import.meta.url);
const fontFile = (weight: 400 | 700) =>
  require.resolve(`@fontsource/dejavu-sans/files/dejavu-sans-latin-${weight}-normal.woff`);

/**
 * DejaVu Sans for every PDF the server writes (a case file, the monthly report): the PDF standard
 * fonts have no narrow no-break space and lose anything outside Windows-1252, and French must
 * print whole. Read and unpacked once per process; pdfkit embeds the subset a document uses.
 */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
export function dejaVuFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: woffToSfnt(readFileSync(fontFile(400))),
    bold: woffToSfnt(readFileSync(fontFile(700))),
  };
  return fonts;
}
