import sharp, { type OverlayOptions } from 'sharp';
import type { Region } from '../image-finding.js';
import { ordinaryLines, sensitiveLines } from './eval-texts.js';
import type { EvalSplit } from './face-pool.js';

export interface TruthFace {
  readonly region: Region;
}

/** A board, a screen, a door label or a wristband, and what is written on it. */
export interface TruthLabel {
  readonly region: Region;
  readonly lines: readonly string[];
  readonly sensitive: boolean;
  readonly kind: LabelKind;
  /** The font size in pixels of the photo. */
  readonly fontSize: number;
  /** Degrees, clockwise. */
  readonly angle: number;
  readonly font: string;
}

export interface ComposedPhoto {
  /** The picture, lossless, before it is written in its final format. */
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly faces: TruthFace[];
  readonly labels: TruthLabel[];
}

type LabelKind = 'board' | 'screen' | 'door' | 'wristband';

const LABEL_STYLES: Record<LabelKind, { ink: string; paper: string }> = {
  board: { ink: '#1b1b1b', paper: '#f2f2ee' },
  screen: { ink: '#e6eeff', paper: '#1d2b44' },
  door: { ink: '#2a2418', paper: '#d8cfb8' },
  wristband: { ink: '#111111', paper: '#fbfbfb' },
};
const FONTS = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'DejaVu Sans Mono'] as const;
const SIZES: readonly (readonly [number, number])[] = [
  [2000, 1500],
  [1600, 1200],
  [1200, 1600],
  [4000, 3000],
];
/** Font sizes as a share of the photo's height: from a wristband across the room to a poster. */
const FONT_SHARES = [0.012, 0.018, 0.025, 0.04, 0.06];
const ANGLES = [0, 0, 0, -8, 8, -20, 20];
/** Face heights as a share of the photo's height: from the back of a corridor to a close-up. */
const FACE_SHARES = [0.03, 0.05, 0.08, 0.13, 0.22, 0.35];

export interface PhotoPlan {
  readonly faces: number;
  readonly sensitiveLabels: number;
  readonly ordinaryLabels: number;
  /** Font sizes as a share of the photo's height, in place of the usual range. */
  readonly fontShares?: readonly number[];
}

/**
 * One ward photo for the evaluation: a room (wall, floor, door, window, bed) in randomised
 * colours and light, the given number of faces from the split's pool, each above a torso, and
 * labels with sensitive or ordinary text at random sizes, fonts and angles, then camera grain.
 * The truth is where each face and label ended up.
 */
export async function composePhoto(
  split: EvalSplit,
  plan: PhotoPlan,
  faces: readonly Buffer[],
  random: () => number,
): Promise<ComposedPhoto> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const [width, height] = pick(SIZES);
  const placed: Region[] = [];
  const place = (w: number, h: number): Region | null => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const region = {
        x: Math.floor(random() * Math.max(1, width - w)),
        y: Math.floor(random() * Math.max(1, height - h)),
        width: w,
        height: h,
      };
      if (
        region.x + w <= width &&
        region.y + h <= height &&
        !placed.some((other) => overlaps(other, region, 12))
      ) {
        placed.push(region);
        return region;
      }
    }
    return null;
  };

  const layers: OverlayOptions[] = [];
  const truthFaces: TruthFace[] = [];
  const torsos: string[] = [];
  for (let i = 0; i < plan.faces; i++) {
    const face = pick(faces);
    const faceHeight = Math.round(height * pick(FACE_SHARES));
    const resized = await sharp(face)
      .resize({ height: faceHeight })
      .png()
      .toBuffer({ resolveWithObject: true });
    // Room for the shoulders under the face.
    const region = place(Math.round(resized.info.width * 2.2), Math.round(faceHeight * 2));
    if (region === null) continue;
    const faceRegion = {
      x: region.x + Math.round((region.width - resized.info.width) / 2),
      y: region.y,
      width: resized.info.width,
      height: faceHeight,
    };
    torsos.push(
      `<ellipse cx="${region.x + region.width / 2}" cy="${region.y + faceHeight * 1.75}" rx="${region.width / 2}" ry="${faceHeight * 0.8}" fill="${pick(['#3b5998', '#e9e9e9', '#7aa6c2', '#2f4f4f', '#a14a4a'])}"/>`,
    );
    layers.push({ input: resized.data, left: faceRegion.x, top: faceRegion.y });
    truthFaces.push({ region: faceRegion });
  }

  const truthLabels: TruthLabel[] = [];
  const labelPlans = [
    ...Array.from({ length: plan.sensitiveLabels }, () => true),
    ...Array.from({ length: plan.ordinaryLabels }, () => false),
  ];
  for (const sensitive of labelPlans) {
    const lines = sensitive ? sensitiveLines(split, pick, random) : ordinaryLines(split, pick);
    const kind = pick(['board', 'board', 'screen', 'door', 'wristband'] as const);
    const shares = plan.fontShares ?? FONT_SHARES;
    const fontSize = Math.max(
      11,
      Math.round(height * (kind === 'wristband' && plan.fontShares === undefined ? 0.012 : pick(shares))),
    );
    const font = pick(FONTS);
    const angle = pick(ANGLES);
    const label = await renderLabel(lines, kind, fontSize, font, angle);
    const region = place(label.width, label.height);
    if (region === null) continue;
    layers.push({ input: label.png, left: region.x, top: region.y });
    truthLabels.push({ region, lines, sensitive, kind, fontSize, angle, font });
  }

  const room = roomSvg(width, height, pick, torsos);
  const scene = await sharp(Buffer.from(room)).composite(layers).png().toBuffer();
  const png = await sharp(scene)
    .composite([
      { input: grain(width, height, random), raw: { width, height, channels: 1 }, blend: 'overlay' },
    ])
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, width, height, faces: truthFaces, labels: truthLabels };
}

/** A label drawn on its own, turned, on a transparent background. */
async function renderLabel(
  lines: readonly string[],
  kind: LabelKind,
  fontSize: number,
  font: string,
  angle: number,
) {
  const style = LABEL_STYLES[kind];
  const pad = Math.round(fontSize * 0.6);
  // Generous: DejaVu's widest glyphs run to 0.62 em; a board wider than its words is still a board.
  const width = Math.round(Math.max(...lines.map((line) => line.length)) * fontSize * 0.66) + 2 * pad;
  const lineHeight = Math.round(fontSize * 1.35);
  const height = lines.length * lineHeight + 2 * pad;
  const text = lines
    .map(
      (line, i) =>
        `<text x="${pad}" y="${pad + fontSize + i * lineHeight}" font-family="${font}" font-size="${fontSize}" fill="${style.ink}">${escapeXml(line)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" rx="${pad / 2}" fill="${style.paper}"/>${text}</svg>`;
  const flat = await sharp(Buffer.from(svg)).png().toBuffer();
  const turned =
    angle === 0
      ? flat
      : await sharp(flat)
          .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
          .png()
          .toBuffer();
  const { data, info } = await sharp(turned).png().toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

function roomSvg(
  width: number,
  height: number,
  pick: <T>(items: readonly T[]) => T,
  torsos: readonly string[],
) {
  const wall = pick(['#6d8f7a', '#c9d6df', '#e8e1d1', '#a3b8c8', '#d8c3a5', '#f0efe9']);
  const floor = pick(['#8a8d91', '#b7a99a', '#6f6a64', '#c2c7cc']);
  const light = pick(['#ffffff', '#fff3d6', '#dfe9ff']);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><radialGradient id="l" cx="${pick([0.2, 0.5, 0.8])}" cy="0.1" r="1"><stop offset="0" stop-color="${light}" stop-opacity="0.45"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></radialGradient></defs>
<rect width="100%" height="100%" fill="${wall}"/>
<rect y="${height * 0.72}" width="100%" height="${height * 0.28}" fill="${floor}"/>
<rect x="${width * 0.05}" y="${height * 0.2}" width="${width * 0.16}" height="${height * 0.52}" fill="#b9a27e" stroke="#5b4a33" stroke-width="${width * 0.004}"/>
<rect x="${width * 0.68}" y="${height * 0.08}" width="${width * 0.22}" height="${height * 0.22}" fill="#cfe3f2" stroke="#ffffff" stroke-width="${width * 0.006}"/>
<rect x="${width * 0.3}" y="${height * 0.6}" width="${width * 0.4}" height="${height * 0.18}" rx="${width * 0.01}" fill="#e4e8ea" stroke="#9aa3a8" stroke-width="${width * 0.003}"/>
${torsos.join('')}
<rect width="100%" height="100%" fill="url(#l)"/>
</svg>`;
}

/** Camera grain: grey noise around the neutral 128 of an overlay blend. */
function grain(width: number, height: number, random: () => number): Buffer {
  const noise = Buffer.alloc(width * height);
  for (let i = 0; i < noise.length; i++) noise[i] = 128 + Math.round((random() - 0.5) * 24);
  return noise;
}

function overlaps(a: Region, b: Region, margin: number): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
