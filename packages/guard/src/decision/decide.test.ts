import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { fold } from '../text/fold.js';
import { UNQUOTED_CUES } from './decide.js';

/** The cues a learned finding quotes after « Indices relevés : ». */
function quotedCues(explanation: string): string[] {
  const list = explanation.split('Indices relevés : ')[1] ?? '';
  return [...list.matchAll(/« ([^»]+) »/gu)].map((match) => match[1] as string);
}

const POSTS: ReadonlyArray<readonly [string, 'public' | 'staff' | 'reply' | 'institutional']> = [
  ['Ma voisine Mme Lebrun, 84 ans, est au CHU chambre 312 pour une chimiothérapie, pensez à elle.', 'public'],
  ['Le monsieur du box 4 est encore là, il a fait une crise cette nuit, on en peut plus', 'staff'],
  ['Bravo à Karine qui a géré seule l’accueil des urgences cette nuit, elle est top', 'staff'],
  ['@jeanne_r oui votre mère est bien chez nous en cardio, elle va mieux', 'reply'],
];

describe('a learned finding explains itself', () => {
  it('quotes the words that weigh, never the commonest verbs alone', () => {
    let quoted = 0;
    for (const [text, context] of POSTS) {
      for (const finding of analyze(text, { context }).findings) {
        if (finding.source !== 'model') continue;
        const cues = quotedCues(finding.explanation.fr);
        quoted += cues.length;
        for (const cue of cues) {
          expect(UNQUOTED_CUES.has(fold(cue)), `${cue} in « ${text} »`).toBe(false);
          expect(text).toContain(cue);
        }
      }
    }
    // The posts are chosen so that the model speaks on some of them: the check is not empty.
    expect(quoted).toBeGreaterThan(0);
  });

  it('knows the verb forms by their folded spelling', () => {
    expect(UNQUOTED_CUES.has(fold('Était'))).toBe(true);
    expect(UNQUOTED_CUES.has(fold('été'))).toBe(true);
    expect(UNQUOTED_CUES.has(fold('voisine'))).toBe(false);
  });
});
