import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { metadataFindings } from './metadata-findings.js';
import { readImageMetadata, UnreadableImageError } from './read-metadata.js';

/** A phone's photo: where it was taken (Paris, Hôtel-Dieu), who owns the phone, which phone. */
const PHONE_PHOTO = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a9' } })
  .jpeg()
  .withExif({
    IFD0: { Artist: 'Claire Dubois', Make: 'Fairphone', Model: 'FP5' },
    IFD3: {
      GPSLatitudeRef: 'N',
      GPSLatitude: '48/1 51/1 2374/100',
      GPSLongitudeRef: 'E',
      GPSLongitude: '2/1 21/1 768/100',
    },
  })
  .toBuffer();

describe('reading what a picture says about itself', () => {
  it('finds the place, the owner and the phone, and the picture as it is shown', async () => {
    const metadata = await readImageMetadata(PHONE_PHOTO);
    expect(metadata.gps?.latitude).toBeCloseTo(48.8566, 4);
    expect(metadata.gps?.longitude).toBeCloseTo(2.3521, 4);
    expect(metadata.people).toEqual([{ field: 'Artist', value: 'Claire Dubois' }]);
    expect(metadata.device).toEqual([
      { field: 'Make', value: 'Fairphone' },
      { field: 'Model', value: 'FP5' },
    ]);
    expect([metadata.width, metadata.height]).toEqual([64, 48]);
  });

  it('gives the size of the picture as it is shown, the phone held upright', async () => {
    const upright = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a9' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const metadata = await readImageMetadata(upright);
    expect([metadata.width, metadata.height]).toEqual([48, 64]);
  });

  it('reads the same in PNG, WebP and AVIF', async () => {
    for (const format of ['png', 'webp', 'avif'] as const) {
      const other = await sharp(PHONE_PHOTO).keepExif().toFormat(format).toBuffer();
      const metadata = await readImageMetadata(other);
      expect(metadata.gps?.latitude, format).toBeCloseTo(48.8566, 4);
      expect(
        metadata.people.map((p) => p.value),
        format,
      ).toEqual(['Claire Dubois']);
    }
  });

  it('reads a position and a creator written in XMP only', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" exif:GPSLatitude="45,45.84N" exif:GPSLongitude="4,50.142E"><dc:creator><rdf:Seq><rdf:li>Dr Paul Girard</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .withXmp(xmp)
      .toBuffer();
    const metadata = await readImageMetadata(image);
    expect(metadata.gps?.latitude).toBeCloseTo(45.764, 3);
    expect(metadata.gps?.longitude).toBeCloseTo(4.8357, 3);
    expect(metadata.people).toEqual([{ field: 'creator', value: 'Dr Paul Girard' }]);
  });

  it('turns them into GEO-01 and PRIV-02 findings; a clean picture has none', async () => {
    const findings = metadataFindings(await readImageMetadata(PHONE_PHOTO));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['GEO-01', 'warn'],
      ['PRIV-02', 'warn'],
    ]);
    expect(findings[0]?.explanation.fr).toContain('48.8566, 2.3521');
    const clean = await sharp(PHONE_PHOTO).jpeg().toBuffer();
    expect(metadataFindings(await readImageMetadata(clean))).toEqual([]);
  });

  it('refuses what is not a picture', async () => {
    for (const bytes of [Buffer.from('<svg onload="alert(1)"/>'), Buffer.from('%PDF-1.4'), Buffer.alloc(0)])
      await expect(readImageMetadata(bytes)).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
