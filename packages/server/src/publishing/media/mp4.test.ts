import { describe, expect, it } from 'vitest';
import { blankMp4Metadata, inspectMp4, looksLikeMp4, Mp4Error, readBoxes } from './mp4.js';
import { testMp4 } from './mp4-test-file.js';

describe('the MP4 box layer', () => {
  it('reads the duration and the video track', () => {
    expect(inspectMp4(testMp4({ seconds: 42 }))).toEqual({ durationSeconds: 42, hasVideo: true });
    expect(looksLikeMp4(testMp4())).toBe(true);
    expect(looksLikeMp4(Buffer.from('<!doctype html>'))).toBe(false);
  });

  it('blanks the place and the phone, and moves nothing', () => {
    for (const mdatFirst of [false, true]) {
      const video = testMp4({ location: '+43.2965+005.3698/', mdatFirst });
      expect(video.includes(Buffer.from('+43.2965'))).toBe(true);
      const clean = blankMp4Metadata(video);
      expect(clean.length).toBe(video.length);
      expect(clean.includes(Buffer.from('+43.2965'))).toBe(false);
      expect(clean.includes(Buffer.from('com.apple.quicktime.location'))).toBe(false);
      // Same boxes at the same places, the metadata ones now « free »; the media data untouched.
      const before = readBoxes(video, 0, video.length);
      const after = readBoxes(clean, 0, clean.length);
      expect(after.map((b) => [b.start, b.end])).toEqual(before.map((b) => [b.start, b.end]));
      const mdat = after.find((b) => b.type === 'mdat');
      expect(clean.subarray(mdat?.payload, mdat?.end).every((byte) => byte === 0x42)).toBe(true);
      expect(inspectMp4(clean)).toEqual({ durationSeconds: 12, hasVideo: true });
    }
  });

  it('refuses what is not a whole MP4, without reading past its end', () => {
    const video = testMp4();
    for (const bad of [
      Buffer.from('not a video at all'),
      video.subarray(0, video.length - 10),
      Buffer.concat([video.subarray(0, 8), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x6d, 0x6f, 0x6f, 0x76])]),
    ])
      expect(() => inspectMp4(bad)).toThrow(Mp4Error);
    const huge = Buffer.from(video);
    huge.writeUInt32BE(0xfffffff0, video.readUInt32BE(0)); // the moov box, after ftyp, claims 4 GB
    expect(() => inspectMp4(huge)).toThrow(Mp4Error);
  });
});
