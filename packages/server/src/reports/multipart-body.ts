/** Builds multipart/form-data bodies by hand for tests: exact bytes, any name, any declared type. */

export interface FilePart {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly type?: string;
  readonly field?: string;
}

export interface MultipartBody {
  readonly payload: Buffer;
  readonly headers: { 'content-type': string };
}

const BOUNDARY = '----blouse-test-boundary-7f3a9c';

export function multipartBody(
  fields: Readonly<Record<string, string>>,
  files: readonly FilePart[] = [],
): MultipartBody {
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        'utf8',
      ),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.field ?? 'screenshots'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/** The same through the platform's FormData, as a browser would send it. */
export async function formDataBody(
  fields: Readonly<Record<string, string>>,
  files: readonly FilePart[] = [],
): Promise<MultipartBody> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(
      file.field ?? 'screenshots',
      new Blob([Buffer.from(file.bytes)], { type: file.type ?? '' }),
      file.name,
    );
  }
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { 'content-type': response.headers.get('content-type') ?? '' },
  };
}

const fill = (size: number, seed: number): Buffer => Buffer.alloc(size, seed);

export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  fill(64, 1),
]);
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), fill(64, 2)]);
export const WEBP_BYTES = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x40, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  fill(64, 3),
]);
export const HTML_BYTES = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
export const SVG_BYTES = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);
