import decodeHeic from 'heic-decode';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { UnreadableImageError } from './metadata/read-metadata.js';

/** A 12-megapixel phone photo is 12 million; anything above 100 million is no photo to post. */
const MAX_PIXELS = 100_000_000;

/**
 * The picture's pixels as it is shown, ready for sharp: turned by its EXIF orientation, or, for
 * an iPhone's HEIC photo (HEVC, which the sharp binaries do not decode, for patent reasons),
 * decoded by libheif compiled to wasm (heic-decode), which applies the file's own rotation.
 */
export async function uprightPicture(bytes: Uint8Array): Promise<{ image: Sharp; format: string }> {
  let info: Metadata;
  try {
    info = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).metadata();
  } catch (error) {
    throw new UnreadableImageError(`image illisible : ${(error as Error).message}`);
  }
  const format = info.format ?? 'inconnu';
  if (format !== 'heif' || info.compression !== 'hevc')
    return { image: sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate(), format };
  if ((info.width ?? 0) * (info.height ?? 0) > MAX_PIXELS)
    throw new UnreadableImageError('image illisible : trop de pixels');
  try {
    const { width, height, data } = await decodeHeic({ buffer: bytes });
    const image = sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      raw: { width, height, channels: 4 },
      limitInputPixels: MAX_PIXELS,
    });
    return { image, format };
  } catch (error) {
    throw new UnreadableImageError(`image HEIC illisible : ${(error as Error).message}`);
  }
}

/**
 * A picture decoded once, upright, as raw pixels: the faces, the text and the safe copy all
 * start from it. Decoding a 12-megapixel JPEG takes a twentieth of a second on one core, and
 * the check did it four times.
 */
export interface DecodedPicture {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
  /** The file's own format (jpeg, png, webp, heif…), which the safe copy keeps where it can. */
  readonly format: string;
}

export async function decodePicture(bytes: Uint8Array): Promise<DecodedPicture> {
  const picture = await uprightPicture(bytes);
  try {
    const { data, info } = await picture.image.raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels, format: picture.format };
  } catch (error) {
    throw new UnreadableImageError(`image illisible : ${(error as Error).message}`);
  }
}

/** The picture as sharp reads it, from its decoded pixels. */
export function pictureImage(picture: DecodedPicture): Sharp {
  return sharp(picture.data, {
    raw: { width: picture.width, height: picture.height, channels: picture.channels },
    limitInputPixels: MAX_PIXELS,
  });
}

/** The decoded picture, decoding the bytes when given bytes. */
export async function decoded(input: Uint8Array | DecodedPicture): Promise<DecodedPicture> {
  return input instanceof Uint8Array ? decodePicture(input) : input;
}
