import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { MANIFEST_PATH, type Manifest, README_PATH, readmeText } from './bundle-format.js';

/** A piece of the export, opened only when the zip reaches it. */
export interface BundleSource {
  readonly path: string;
  readonly size: number;
  open(): Promise<Readable>;
}

/**
 * The export as a zip stream: the pieces, manifest.json and README.txt. Pieces are opened one at
 * a time, when the zip writer reaches them, and flow through with the output's back-pressure, so
 * an export holds at most one piece in memory whatever the incident's evidence weighs (building
 * the whole zip in a Buffer took close to a gigabyte for three large exports).
 */
export function bundleStream(
  manifest: Manifest,
  manifestBytes: Buffer,
  files: readonly BundleSource[],
): Readable {
  const zip = new yazl.ZipFile();
  // A fixed date: the same export gives the same bytes, and the real dates are in the manifest.
  const options = { mtime: new Date(manifest.generatedAt), compress: true };
  const output = zip.outputStream as Readable;
  // A piece that cannot be read breaks the archive: the download must fail, not end « complete ».
  zip.on('error', (error: Error) => output.destroy(error));
  for (const file of files) {
    zip.addReadStreamLazy(file.path, { ...options, size: file.size }, (callback) => {
      file.open().then(
        (stream) => callback(null, stream),
        (error: Error) => callback(error, undefined as unknown as Readable),
      );
    });
  }
  zip.addBuffer(manifestBytes, MANIFEST_PATH, options);
  zip.addBuffer(Buffer.from(readmeText(manifest), 'utf8'), README_PATH, options);
  zip.end();
  return output;
}
