import type { Report, Verdict } from '@blouse/guard';
import { checkText } from '../checks/check-service.js';
import type { AppContext } from '../http/context.js';

/** What the guard said of a variant, as the desk stores and shows it. */
export interface VariantFinding {
  readonly rule: string;
  readonly severity: 'warn' | 'block';
  /** French: the desk works in French, and the explanation is the guard's own. */
  readonly explanation: string;
  readonly raisedBy: 'rule' | 'model';
}

export interface VariantReading {
  readonly verdict: Verdict;
  readonly findings: VariantFinding[];
}

/**
 * Reads a variant as the establishment's institutional voice: the guard in `institutional`
 * context with the establishment's own lists (its consenting staff, its public figures). A
 * YouTube title is read with its description, since both are published together. Not counted
 * in the check statistics: a draft is read at every save, which says nothing of staff habits.
 */
export async function readVariant(
  context: AppContext,
  establishmentId: string,
  variant: { readonly text: string; readonly title?: string | null },
): Promise<VariantReading> {
  const text = variant.title ? `${variant.title}\n\n${variant.text}` : variant.text;
  const report = await checkText(context, establishmentId, text, 'institutional', { count: false });
  return { verdict: report.verdict, findings: findingsOf(report) };
}

function findingsOf(report: Report): VariantFinding[] {
  return report.findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity === 'block' ? 'block' : 'warn',
    explanation: finding.explanation.fr,
    raisedBy: finding.source === 'model' ? 'model' : 'rule',
  }));
}
