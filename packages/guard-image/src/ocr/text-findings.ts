import { analyze, type GuardContext } from '@blouse/guard';
import type { ImageFinding, Region } from '../image-finding.js';
import type { BackgroundText, OcrWord } from './read-text.js';

/**
 * The rule families that say what a picture reveals (a patient, a place, a security detail,
 * someone's address). The words on a board or a screen are not the poster's speech: the tone
 * rules (respect, defamation, harassment…) do not apply to them, and on a few words out of
 * context their learned scores are noise.
 */
const REVEALING_FAMILIES = new Set(['SECRET', 'GEO', 'DOXX', 'PRIV', 'DISCR', 'SEC']);

export interface BackgroundTextReading {
  readonly text: string;
  readonly findings: ImageFinding[];
  /** Where the words the guard objects to are: what the safe copy pixelates. */
  readonly regions: Region[];
}

/**
 * The words in the background read as a post by the text guard: « Mme Durand, chambre 214 » on
 * a whiteboard is the same breach as in a caption. Each finding points at the words its spans
 * cover; the words of every span that must not be published are the regions to hide.
 */
export function backgroundTextFindings(
  background: BackgroundText,
  context: GuardContext,
): BackgroundTextReading {
  // The text as lines of words, with where each word starts and ends in it.
  const placed: { word: OcrWord; start: number; end: number }[] = [];
  let text = '';
  for (const line of background.lines) {
    if (text !== '') text += '\n';
    line.forEach((word, i) => {
      if (i > 0) text += ' ';
      placed.push({ word, start: text.length, end: text.length + word.text.length });
      text += word.text;
    });
  }
  if (text.trim() === '') return { text: '', findings: [], regions: [] };
  const report = analyze(text, { context });
  const wordsOf = (spans: readonly { start: number; end: number }[]) =>
    placed.filter((p) => spans.some((span) => p.start < span.end && span.start < p.end));
  const findings: ImageFinding[] = report.findings
    .filter((finding) => REVEALING_FAMILIES.has(finding.rule.split('-')[0] ?? ''))
    .map((finding) => {
      const words = wordsOf(finding.spans);
      const covered = words.length > 0 ? words : placed;
      return {
        rule: finding.rule,
        severity: finding.severity === 'block' ? 'block' : 'warn',
        explanation: {
          fr: `Texte lu dans la photo (« ${covered.map((p) => p.word.text).join(' ')} ») : ${finding.explanation.fr}`,
          en: `Text read in the photo (“${covered.map((p) => p.word.text).join(' ')}”): ${finding.explanation.en}`,
        },
        evidence: {
          kind: 'region',
          region: union(covered.map((p) => p.word.region)),
          detail: covered.map((p) => p.word.text).join(' '),
        },
      };
    });
  // The guard's spans: what must not be published, word by word, a little wider than read.
  // (Spans of the tone rules filtered out above are a board's words, not a breach: not hidden.)
  const regions = wordsOf(report.spans).map((p) => pad(p.word.region, 0.15));
  return { text, findings, regions };
}

function union(regions: readonly Region[]): Region {
  const left = Math.min(...regions.map((r) => r.x));
  const top = Math.min(...regions.map((r) => r.y));
  const right = Math.max(...regions.map((r) => r.x + r.width));
  const bottom = Math.max(...regions.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function pad(region: Region, share: number): Region {
  const dx = Math.ceil(region.height * share);
  return { x: region.x - dx, y: region.y - dx, width: region.width + 2 * dx, height: region.height + 2 * dx };
}
