/**
 * Looks for context words ("cues") in a short stretch of folded text next to a candidate.
 * Identifier recognizers use it to tell "NIR 1 80 …" from a bare number, or a hospital
 * switchboard from a private line. The window is bounded, so each look costs a constant amount
 * of work and a recognizer that calls it once per candidate stays linear in the text length.
 */

/** Whether `cue` matches in the `width` folded characters that end at `start`. */
export function cueBefore(folded: string, start: number, width: number, cue: RegExp): boolean {
  return cue.test(folded.slice(Math.max(0, start - width), start));
}

/** Whether `cue` matches in the `width` folded characters that start at `end`. */
export function cueAfter(folded: string, end: number, width: number, cue: RegExp): boolean {
  return cue.test(folded.slice(end, end + width));
}

/**
 * How many characters lie between the end of the last `cue` match in the window before `start`
 * and `start` itself, or -1 when the window holds no cue. A small distance means the cue is
 * "right before" the candidate ("NIR : 1 80 …"), which is stronger evidence than a cue
 * somewhere in the sentence.
 */
export function cueDistanceBefore(folded: string, start: number, width: number, cue: RegExp): number {
  const from = Math.max(0, start - width);
  const window = folded.slice(from, start);
  const flags = cue.flags.includes('g') ? cue.flags : `${cue.flags}g`;
  let lastEnd = -1;
  for (const match of window.matchAll(new RegExp(cue.source, flags))) {
    lastEnd = match.index + match[0].length;
  }
  return lastEnd < 0 ? -1 : window.length - lastEnd;
}
