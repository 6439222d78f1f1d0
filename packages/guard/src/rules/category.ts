import type { Category, Finding } from '../types.js';
import { toneWeights } from './category-cues.js';
import type { RuleInput } from './evaluator.js';
import { hostilityOf } from './hostility.js';
import { discriminationCues } from './insult-cues.js';
import { mocksFellowPatient } from './respect.js';

/**
 * How a communication department would file a post written by someone else.
 *
 * First what the post does to people, most urgent first: a threat calls for security and the
 * police, doxxing for an immediate takedown, defamation for the legal department, a privacy
 * breach (someone else's health, image, or a fellow patient filmed to be laughed at) for the
 * DPO, and a pile-on against a person is handled like a threat. Then its tone, by weight: a
 * rumour to correct, a complaint to answer, praise to pass on, a question to answer, or plain
 * information.
 */
export function categorize(input: RuleInput, findings: readonly Finding[]): Category | null {
  const folded = input.doc.folded;
  const rules = new Set(findings.map((finding) => finding.rule));

  if (hostilityOf(folded).threat) return 'THREAT';
  if (rules.has('DOXX-01')) return 'DOXXING';
  if (rules.has('DEFAM-01')) return 'DEFAMATION';
  if (findings.some((finding) => finding.rule.startsWith('SECRET-')) || rules.has('IMAGE-01')) {
    return 'PRIVACY_BREACH';
  }
  if (rules.has('RESPECT-01') && mocksFellowPatient(input.doc)) return 'PRIVACY_BREACH';
  if (rules.has('HARASS-01')) return 'THREAT';

  const weight = { ...toneWeights(folded) };
  if (rules.has('RESPECT-01')) {
    // A discriminatory generalisation about a group of carers ("les médecins étrangers n'ont pas
    // de vrai diplôme") spreads a falsehood: it is filed with the rumours to correct. An insult
    // thrown at a carer is a grievance: it is filed with the complaints.
    if (discriminationCues(folded).length > 0) weight.rumor += 2;
    else weight.complaint += 2;
  }

  if (weight.rumor >= 2 && weight.rumor >= weight.complaint) return 'RUMOR';
  // A bad experience phrased as a question ("c'est normal ??") is still a complaint.
  if (weight.complaint >= 2 && weight.complaint >= weight.praise) return 'COMPLAINT';
  // Thanks inside a vlog or a story are not the point of the post.
  if (weight.praise >= 2 && weight.praise > weight.complaint && weight.praise >= weight.info) return 'PRAISE';
  if (weight.question > 0) return 'QUESTION';
  if (weight.info >= 2) return 'INFO';
  if (weight.complaint > 0) return 'COMPLAINT';
  // A lone heart is how people end any post; praise needs words or several signs.
  if (weight.praise >= 2) return 'PRAISE';
  return 'INFO';
}
