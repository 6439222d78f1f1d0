import exifr from 'exifr';
import sharp, { type Metadata } from 'sharp';

/** What a picture's file says about itself, beyond its pixels. */
export interface ImageMetadata {
  readonly format: string;
  readonly width: number;
  readonly height: number;
  /** Where it was taken, when the device wrote it. */
  readonly gps: { readonly latitude: number; readonly longitude: number } | null;
  /** Names the device or an editor wrote (author, owner, copyright), with the field each came from. */
  readonly people: readonly { readonly field: string; readonly value: string }[];
  /** The device: make, model, serial number when written. */
  readonly device: readonly { readonly field: string; readonly value: string }[];
  /** When it was taken (ISO), if written. */
  readonly takenAt: string | null;
}

export class UnreadableImageError extends Error {}

/** The fields that name a person: EXIF, the camera maker's notes, XMP and IPTC. */
const PEOPLE_FIELDS = [
  'Artist',
  'Copyright',
  'OwnerName',
  'CameraOwnerName',
  'XPAuthor',
  'creator',
  'By-line',
  'Credit',
];
const DEVICE_FIELDS = ['Make', 'Model', 'BodySerialNumber', 'SerialNumber', 'LensModel', 'Software'];

/**
 * Reads a picture's metadata (JPEG, PNG, WebP, AVIF, HEIC: whatever sharp reads) without trusting
 * its extension. sharp gives the EXIF and XMP blocks of every format alike; exifr reads them
 * (given the EXIF block without its « Exif\0\0 » header, which it would not find in a WebP).
 * Pure of storage and of the network; a file that is not a picture is an UnreadableImageError.
 */
export async function readImageMetadata(bytes: Uint8Array): Promise<ImageMetadata> {
  let info: Metadata;
  try {
    info = await sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 }).metadata();
  } catch (error) {
    throw new UnreadableImageError(`image illisible : ${(error as Error).message}`);
  }
  const tags = await parseBlocks(info);
  const gps = gpsOf(tags);
  const pick = (fields: readonly string[]) =>
    fields.flatMap((field) => {
      const value = textOf(tags[field]);
      return value === null ? [] : [{ field, value }];
    });
  const taken = tags.DateTimeOriginal ?? tags.CreateDate;
  // Orientation 5–8 turns the picture a quarter: it is shown with width and height swapped.
  const turned = (info.orientation ?? 1) >= 5;
  return {
    format: info.format ?? 'inconnu',
    width: (turned ? info.height : info.width) ?? 0,
    height: (turned ? info.width : info.height) ?? 0,
    gps,
    people: pick(PEOPLE_FIELDS),
    device: pick(DEVICE_FIELDS),
    takenAt: taken instanceof Date && !Number.isNaN(taken.getTime()) ? taken.toISOString() : null,
  };
}

type Tags = Record<string, unknown>;

async function parseBlocks(info: Metadata): Promise<Tags> {
  const tags: Tags = {};
  const exif = info.exif;
  if (exif !== undefined && exif.length > 6) {
    // sharp's block starts with « Exif\0\0 »; exifr wants the TIFF header that follows.
    const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
    Object.assign(
      tags,
      await exifr
        .parse(tiff, { tiff: true, exif: true, gps: true, xmp: false, iptc: false })
        .catch(() => ({})),
    );
  }
  if (info.xmp !== undefined) Object.assign(tags, xmpFields(info.xmp.toString('utf8')));
  return tags;
}

/** The XMP fields that name someone (dc:creator, photoshop:Credit), read as text. */
function xmpFields(xmp: string): Tags {
  const tags: Tags = {};
  const creator = /<dc:creator>[\s\S]*?<rdf:li[^>]*>([^<]+)<\/rdf:li>/u.exec(xmp);
  if (creator?.[1]) tags.creator = creator[1];
  const credit = /photoshop:Credit(?:="([^"]+)"|>([^<]+)<)/u.exec(xmp);
  if (credit) tags.Credit = credit[1] ?? credit[2];
  const latitude = /exif:GPSLatitude(?:="([^"]+)"|>([^<]+)<)/u.exec(xmp);
  const longitude = /exif:GPSLongitude(?:="([^"]+)"|>([^<]+)<)/u.exec(xmp);
  if (latitude && longitude) {
    tags.xmpLatitude = xmpCoordinate(latitude[1] ?? latitude[2] ?? '');
    tags.xmpLongitude = xmpCoordinate(longitude[1] ?? longitude[2] ?? '');
  }
  return tags;
}

/** « 48,51.396N » (XMP's degrees, decimal minutes and hemisphere) → 48.8566. */
function xmpCoordinate(text: string): number | null {
  const match = /^(\d+),(\d+(?:\.\d+)?)([NSEW])$/u.exec(text.trim());
  if (match === null) return null;
  const value = Number(match[1]) + Number(match[2]) / 60;
  return match[3] === 'S' || match[3] === 'W' ? -value : value;
}

function gpsOf(tags: Tags): ImageMetadata['gps'] {
  const latitude = typeof tags.latitude === 'number' ? tags.latitude : tags.xmpLatitude;
  const longitude = typeof tags.longitude === 'number' ? tags.longitude : tags.xmpLongitude;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  // « 0, 0 » is what some devices write when they have no fix.
  if (latitude === 0 && longitude === 0) return null;
  return { latitude, longitude };
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') {
    // EXIF strings end with NUL; what follows one is padding, not text.
    const text = (value.split(String.fromCharCode(0))[0] ?? '').trim();
    return text === '' ? null : text;
  }
  if (Array.isArray(value)) return textOf(value.join(', '));
  return null;
}
