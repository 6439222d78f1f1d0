/**
 * A small, well-formed MP4 written box by box for tests (no encoder is installed here): ftyp,
 * moov with its header, a video track and the metadata a phone writes (©xyz GPS in udta, Apple's
 * location in meta), and a few bytes of media data. Not playable; what is tested is the box layer.
 */
export function testMp4(options: { seconds?: number; location?: string; mdatFirst?: boolean } = {}): Buffer {
  const seconds = options.seconds ?? 12;
  const location = options.location ?? '+48.8566+002.3522/';
  const box = (type: string, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length + 8, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const u32 = (value: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value, 0);
    return b;
  };
  const mvhd = box('mvhd', Buffer.alloc(4), u32(0), u32(0), u32(1000), u32(seconds * 1000), Buffer.alloc(80));
  const hdlr = box(
    'hdlr',
    Buffer.alloc(4),
    u32(0),
    Buffer.from('vide', 'latin1'),
    Buffer.alloc(12),
    Buffer.from('Video\0'),
  );
  const trak = box('trak', box('tkhd', Buffer.alloc(84)), box('mdia', box('mdhd', Buffer.alloc(24)), hdlr));
  const xyz = box('\u00a9xyz', Buffer.from([0, 18, 0x15, 0xc7]), Buffer.from(location, 'latin1'));
  const udta = box('udta', xyz);
  const meta = box(
    'meta',
    Buffer.alloc(4),
    box('keys', Buffer.from('com.apple.quicktime.location.ISO6709', 'latin1')),
    box('ilst', Buffer.from(location, 'latin1')),
  );
  const moov = box('moov', mvhd, trak, udta, meta);
  const ftyp = box(
    'ftyp',
    Buffer.from('isom', 'latin1'),
    u32(512),
    Buffer.from('isomiso2avc1mp41', 'latin1'),
  );
  const mdat = box('mdat', Buffer.alloc(256, 0x42));
  return options.mdatFirst ? Buffer.concat([ftyp, mdat, moov]) : Buffer.concat([ftyp, moov, mdat]);
}
