import sharp from 'sharp';

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

/**
 * Small real images: every stored image is decoded and re-encoded without its metadata, so a
 * signature followed by filler bytes would be refused as unreadable.
 */
export function testImage(format: 'png' | 'jpeg' | 'webp', width = 8, height = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } })
    .toFormat(format)
    .toBuffer();
}

export const PNG_BYTES = await testImage('png');
export const JPEG_BYTES = await testImage('jpeg');
export const WEBP_BYTES = await testImage('webp');
export const HTML_BYTES = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
export const SVG_BYTES = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);
