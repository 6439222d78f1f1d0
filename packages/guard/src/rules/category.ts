import type { Category, Finding } from '../types.js';
import { SARCASM, TONE_CUES, type Tone } from './category-cues.js';
import type { RuleInput } from './evaluator.js';
import { hostilityOf } from './hostility.js';
import { hasAny } from './people-cues.js';

/**
 * How a communication department would file a post written by someone else.
 *
 * First what the post does to people, most urgent first: a threat calls for security and the
 * police, doxxing for an immediate takedown, defamation for the legal department, a privacy
 * breach for the DPO. Then its tone, by weight: a rumour to correct, a complaint to answer, praise
 * to pass on, a question to answer, or plain information.
 */
export function categorize(input: RuleInput, findings: readonly Finding[]): Category | null {
  const folded = input.doc.folded;
  const rules = new Set(findings.map((finding) => finding.rule));

  if (hostilityOf(folded).threat) return 'THREAT';
  if (rules.has('DOXX-01')) return 'DOXXING';
  if (rules.has('DEFAM-01')) return 'DEFAMATION';
  if (findings.some((finding) => finding.rule.startsWith('SECRET-'))) return 'PRIVACY_BREACH';

  const weight = toneWeights(folded);
  // A discriminatory generalisation about a group of carers ("les médecins étrangers n'ont pas
  // de vrai diplôme") spreads a falsehood: it is filed with the rumours to correct.
  const aboutAGroup = findings.some((finding) => finding.rule === 'RESPECT-01' && finding.spans.length === 0);
  if (aboutAGroup) weight.rumor += 2;

  if (weight.rumor >= 2 && weight.rumor >= weight.complaint) return 'RUMOR';
  // A bad experience phrased as a question ("c'est normal ??") is still a complaint.
  if (weight.complaint >= 2 && weight.complaint >= weight.praise) return 'COMPLAINT';
  if (weight.praise >= 2 && weight.praise > weight.complaint) return 'PRAISE';
  if (weight.question > 0) return 'QUESTION';
  if (weight.complaint > 0) return 'COMPLAINT';
  if (weight.praise > 0) return 'PRAISE';
  return 'INFO';
}

function toneWeights(folded: string): Record<Tone, number> {
  const weight: Record<Tone, number> = { rumor: 0, complaint: 0, praise: 0, question: 0 };
  for (const tone of Object.keys(TONE_CUES) as Tone[]) {
    for (const { pattern, weight: cueWeight } of TONE_CUES[tone]) {
      for (const _match of folded.matchAll(pattern)) weight[tone] += cueWeight;
    }
  }
  if (hasAny(folded, SARCASM)) {
    weight.complaint += 2;
    weight.praise = Math.max(0, weight.praise - 2);
  }
  return weight;
}
