/**
 * Just enough of ISO BMFF (MP4) to accept a video and keep what a phone writes about the person
 * who filmed out of it: the boxes are walked without decoding anything. Pure, on bytes.
 *
 * Metadata in a phone's video lives in `udta` (Android writes the GPS position as ©xyz there),
 * `meta` (Apple's com.apple.quicktime.location.ISO6709, make, model, software) and top-level
 * `uuid` boxes (XMP). Each is turned into a `free` box of the same size with its bytes zeroed:
 * nothing moves, so the offsets to the media data (stco/co64) stay right without rewriting them.
 */

export interface Mp4Box {
  readonly type: string;
  /** Where the box starts (its size field). */
  readonly start: number;
  /** Where its payload starts. */
  readonly payload: number;
  readonly end: number;
}

export interface Mp4Summary {
  readonly durationSeconds: number;
  readonly hasVideo: boolean;
}

export class Mp4Error extends Error {}

/** The boxes between `from` and `to`, in order; a box overrunning its parent is an error. */
export function readBoxes(bytes: Uint8Array, from: number, to: number): Mp4Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Mp4Box[] = [];
  let at = from;
  while (at < to) {
    if (to - at < 8) throw new Mp4Error('boîte tronquée');
    let size = view.getUint32(at);
    const type = String.fromCharCode(
      bytes[at + 4] ?? 0,
      bytes[at + 5] ?? 0,
      bytes[at + 6] ?? 0,
      bytes[at + 7] ?? 0,
    );
    let payload = at + 8;
    if (size === 1) {
      if (to - at < 16) throw new Mp4Error('boîte tronquée');
      const large = view.getBigUint64(at + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new Mp4Error('boîte trop grande');
      size = Number(large);
      payload = at + 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < payload - at || at + size > to) throw new Mp4Error(`boîte « ${type} » hors de son conteneur`);
    boxes.push({ type, start: at, payload, end: at + size });
    at += size;
  }
  return boxes;
}

/** Whether the bytes begin as an MP4 does: a `ftyp` box first. */
export function looksLikeMp4(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp';
}

/** The video's duration and whether it has a video track; an Mp4Error when it is not a whole MP4. */
export function inspectMp4(bytes: Uint8Array): Mp4Summary {
  if (!looksLikeMp4(bytes)) throw new Mp4Error('ce n’est pas un fichier MP4');
  const top = readBoxes(bytes, 0, bytes.length);
  const moov = top.find((box) => box.type === 'moov');
  if (moov === undefined || !top.some((box) => box.type === 'mdat'))
    throw new Mp4Error('fichier MP4 incomplet (moov ou mdat manquant)');
  const inMoov = readBoxes(bytes, moov.payload, moov.end);
  const mvhd = inMoov.find((box) => box.type === 'mvhd');
  if (mvhd === undefined) throw new Mp4Error('fichier MP4 sans en-tête (mvhd)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[mvhd.payload] ?? 0;
  const timescale = view.getUint32(mvhd.payload + (version === 1 ? 20 : 12));
  const duration =
    version === 1 ? Number(view.getBigUint64(mvhd.payload + 24)) : view.getUint32(mvhd.payload + 16);
  const hasVideo = inMoov
    .filter((box) => box.type === 'trak')
    .some((trak) => handlerOf(bytes, trak) === 'vide');
  return { durationSeconds: timescale === 0 ? 0 : duration / timescale, hasVideo };
}

/** A copy of the video with every metadata box blanked (see the file's comment). */
export function blankMp4Metadata(bytes: Uint8Array): Buffer {
  const copy = Buffer.from(bytes);
  const blank = (box: Mp4Box) => {
    copy.write('free', box.start + 4, 'latin1');
    copy.fill(0, box.payload, box.end);
  };
  const walk = (from: number, to: number, depth: number) => {
    for (const box of readBoxes(copy, from, to)) {
      if (box.type === 'udta' || box.type === 'meta' || (depth === 0 && box.type === 'uuid')) blank(box);
      else if (CONTAINERS.has(box.type)) walk(box.payload, box.end, depth + 1);
    }
  };
  walk(0, copy.length, 0);
  return copy;
}

/** Boxes that hold other boxes, where metadata may hide (track and media levels). */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'moof', 'traf', 'mvex']);

function handlerOf(bytes: Uint8Array, trak: Mp4Box): string | null {
  const mdia = readBoxes(bytes, trak.payload, trak.end).find((box) => box.type === 'mdia');
  if (mdia === undefined) return null;
  const hdlr = readBoxes(bytes, mdia.payload, mdia.end).find((box) => box.type === 'hdlr');
  if (hdlr === undefined || hdlr.end - hdlr.payload < 12) return null;
  return String.fromCharCode(...bytes.subarray(hdlr.payload + 8, hdlr.payload + 12));
}
