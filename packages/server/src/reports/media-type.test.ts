import { describe, expect, it } from 'vitest';
import { sniffScreenshotType } from './media-type.js';
import { HTML_BYTES, JPEG_BYTES, PNG_BYTES, SVG_BYTES, WEBP_BYTES } from './multipart-body.js';

describe('sniffScreenshotType', () => {
  it('reads PNG, JPEG and WebP from their magic numbers', () => {
    expect(sniffScreenshotType(PNG_BYTES)).toBe('image/png');
    expect(sniffScreenshotType(JPEG_BYTES)).toBe('image/jpeg');
    expect(sniffScreenshotType(WEBP_BYTES)).toBe('image/webp');
  });

  it('refuses everything else, truncated headers included', () => {
    expect(sniffScreenshotType(HTML_BYTES)).toBeUndefined();
    expect(sniffScreenshotType(SVG_BYTES)).toBeUndefined();
    expect(sniffScreenshotType(Buffer.from('GIF89a....'))).toBeUndefined();
    expect(sniffScreenshotType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffScreenshotType(PNG_BYTES.subarray(0, 7))).toBeUndefined();
    expect(sniffScreenshotType(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    // A RIFF container that is not WebP (a WAV sound).
    expect(sniffScreenshotType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '))).toBeUndefined();
    expect(sniffScreenshotType(Buffer.from('RIFF\x24\x00\x00'))).toBeUndefined();
  });
});
