import { analyze, type GuardContext } from '@blouse/guard';
import type { ImageFinding, Region } from '../image-finding.js';
import { overlapShare, union } from '../regions.js';
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
      const covered = onePerPlace(words.length > 0 ? words : placed);
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
  // A name or a record number legible on a board, a screen or a wristband is the background
  // check of IMAGE-02, even where the text guard sees no breach in the words alone (a name and a
  // birth date: in a caption, the poster's business; on a wristband in a ward, a patient's).
  const taken = findings.flatMap((finding) =>
    finding.evidence.kind === 'region' ? [finding.evidence.region] : [],
  );
  const identifying = report.detected.filter(
    (span) => IDENTIFYING.has(span.type) && (span.type !== 'PERSON' || span.score >= MIN_PERSON_SCORE),
  );
  for (const span of identifying) {
    const words = wordsOf([span]);
    if (words.length === 0) continue;
    const region = union(words.map((p) => p.word.region));
    if (taken.some((other) => overlapShare(other, region) > 0.5)) continue;
    const detail = onePerPlace(words)
      .map((p) => p.word.text)
      .join(' ');
    const finding: ImageFinding = {
      rule: 'IMAGE-02',
      severity: 'block',
      explanation: {
        fr: `Texte lu dans la photo (« ${detail} ») : un nom ou un identifiant est lisible à l’arrière-plan (tableau, écran, bracelet, étiquette). La copie sûre le masque.`,
        en: `Text read in the photo (“${detail}”): a name or an identifier can be read in the background (board, screen, wristband, label). The safe copy hides it.`,
      },
      evidence: { kind: 'region', region, detail },
    };
    findings.push(finding);
    taken.push(region);
  }
  // What must not be published, word by word, a little wider than read: the spans of the
  // findings kept (tone rules filtered out above are a board's words, not a breach) and the
  // identifying words. Each pass may have read the same word: one region each is enough.
  const hidden = [...wordsOf(report.spans), ...identifying.flatMap((span) => wordsOf([span]))];
  const regions = dedupe(hidden.map((p) => pad(p.word.region, 0.15)));
  return { text, findings: mergeFindings(findings), regions };
}

/** What names or finds a person in a picture's text: the guard's identifying span types. */
const IDENTIFYING = new Set(['PERSON', 'NIR', 'HOSPITAL_ID', 'PHONE', 'EMAIL', 'ADDRESS', 'PLATE']);
/**
 * A lone first name read by the OCR (« André ») is weak evidence; a title with a surname
 * (« Mme Laurent », 0.9) or a surname in capitals with a first name (0.85) is a name.
 */
const MIN_PERSON_SCORE = 0.8;

/** A word read again by a turned pass (« Mme Du ») is said once, as first read. */
function onePerPlace<T extends { word: OcrWord }>(words: readonly T[]): T[] {
  const kept: T[] = [];
  for (const word of words)
    if (!kept.some((other) => overlapShare(other.word.region, word.word.region) > 0.3)) kept.push(word);
  return kept;
}

/** The same breach read by two passes (straight and turned) is one finding. */
function mergeFindings(findings: readonly ImageFinding[]): ImageFinding[] {
  const kept: ImageFinding[] = [];
  for (const finding of findings) {
    const twin = kept.some(
      (other) =>
        other.rule === finding.rule &&
        other.evidence.kind === 'region' &&
        finding.evidence.kind === 'region' &&
        overlapShare(other.evidence.region, finding.evidence.region) > 0.5,
    );
    if (!twin) kept.push(finding);
  }
  return kept;
}

function dedupe(regions: readonly Region[]): Region[] {
  const kept: Region[] = [];
  for (const region of regions)
    if (!kept.some((other) => overlapShare(other, region) > 0.8)) kept.push(region);
  return kept;
}

function pad(region: Region, share: number): Region {
  const dx = Math.ceil(region.height * share);
  return { x: region.x - dx, y: region.y - dx, width: region.width + 2 * dx, height: region.height + 2 * dx };
}
