import { analyze } from '@blouse/guard';
import { guardLexicon } from '../../incidents/open-incident.js';
import type { MentionFinding } from '../new-mention.js';

/**
 * The guard reads at most this much of a post. A post longer than that (a forum page, a press
 * article in a feed) is judged on its beginning: the analysis grows with the text, and a
 * firehose must not stall on one long item. The stored text stays whole.
 */
export const GUARD_TEXT_LIMIT = 5_000;

export interface MentionCheck {
  /** The guard's category for a public post, lower-cased (complaint, rumor, privacy_breach…). */
  readonly category: string;
  readonly verdict: 'ok' | 'warn' | 'block';
  readonly findings: MentionFinding[];
}

/** What the guard says of a post heard in public: its category, verdict and findings, never spans. */
export function checkMention(text: string): MentionCheck {
  const report = analyze(text.slice(0, GUARD_TEXT_LIMIT), { context: 'public' }, guardLexicon());
  return {
    // Always set in public context; « info » is the guard's own default for a plain post.
    category: (report.category ?? 'INFO').toLowerCase(),
    verdict: report.verdict,
    findings: report.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      explanation: finding.explanation.fr,
      raisedBy: finding.source === 'model' ? 'model' : 'rule',
    })),
  };
}
