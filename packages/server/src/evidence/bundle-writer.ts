import yazl from 'yazl';
import { MANIFEST_PATH, type Manifest, README_PATH, readmeText } from './bundle-format.js';

export interface BundleFile {
  readonly path: string;
  readonly content: Buffer;
}

/** The export as one zip in memory: the pieces, manifest.json and README.txt. */
export function writeBundle(
  manifest: Manifest,
  manifestBytes: Buffer,
  files: readonly BundleFile[],
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  // A fixed date: the same export gives the same bytes, and the real dates are in the manifest.
  const options = { mtime: new Date(manifest.generatedAt), compress: true };
  for (const file of files) zip.addBuffer(file.content, file.path, options);
  zip.addBuffer(manifestBytes, MANIFEST_PATH, options);
  zip.addBuffer(Buffer.from(readmeText(manifest), 'utf8'), README_PATH, options);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
