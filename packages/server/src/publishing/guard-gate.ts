import type { Report, Verdict } from '@blouse/guard';
import { checkText } from '../checks/check-service.js';
import type { AppContext } from '../http/context.js';

/** What the guard said of a variant, as the desk stores and shows it. */
export interface VariantFinding {
  readonly rule: string;
  readonly severity: 'warn' | 'block';
  /** French: the desk works in French, and the explanation is the guard's own. */
  readonly explanation: string;
  /** `register`: the desk's own reading against the consent register (INST-02). */
  readonly raisedBy: 'rule' | 'model' | 'register';
}

export interface VariantReading {
  readonly verdict: Verdict;
  readonly findings: VariantFinding[];
}

/**
 * Reads a variant as the establishment's institutional voice: the guard in `institutional`
 * context with the establishment's own lists (its consenting staff, its public figures) and the
 * people who consented, in the register, to be named in this draft on this network. A YouTube
 * title is read with its description, since both are published together. Not counted in the
 * check statistics: a draft is read at every save, which says nothing of staff habits.
 *
 * Anyone the guard still reads as a person is named without consent: the post cannot go out
 * (INST-02, blocking) until their consent is linked or their name removed.
 */
export async function readVariant(
  context: AppContext,
  establishmentId: string,
  variant: { readonly text: string; readonly title?: string | null },
  consenting: readonly string[] = [],
): Promise<VariantReading> {
  const text = variant.title ? `${variant.title}\n\n${variant.text}` : variant.text;
  const report = await checkText(context, establishmentId, text, 'institutional', {
    count: false,
    consenting,
  });
  const findings = findingsOf(report);
  const unconsented = namedWithoutConsent(report, text);
  if (unconsented.length > 0) findings.push(consentFinding(unconsented));
  return { verdict: unconsented.length > 0 ? 'block' : report.verdict, findings };
}

function findingsOf(report: Report): VariantFinding[] {
  return report.findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity === 'block' ? 'block' : 'warn',
    explanation: finding.explanation.fr,
    raisedBy: finding.source === 'model' ? 'model' : 'rule',
  }));
}

/** The people the guard recognised, each once, in the order they appear. */
function namedWithoutConsent(report: Report, text: string): string[] {
  const names = report.detected
    .filter((span) => span.type === 'PERSON')
    .map((span) => text.slice(span.start, span.end).trim());
  return [...new Set(names)].filter((name) => name !== '');
}

function consentFinding(names: readonly string[]): VariantFinding {
  const quoted = names.map((name) => `« ${name} »`).join(', ');
  return {
    rule: 'INST-02',
    severity: 'block',
    explanation:
      `${quoted} : ${names.length > 1 ? 'ces personnes sont nommées' : 'cette personne est nommée'} ` +
      'sans consentement valable pour ce réseau dans le registre. Liez son consentement à la publication, ' +
      'ou retirez le nom.',
    raisedBy: 'register',
  };
}
