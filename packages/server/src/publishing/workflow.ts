import type { DraftStatus, Role } from '../db/schema.js';

/**
 * An establishment's approval workflow: ordered steps, each decided by one person holding one of
 * its roles. A step marked `sensitive` applies only when the guard warned on a variant at
 * submission (a patient's story, a named colleague, a health claim…): that is where the legal
 * service reads. The server enforces it; the web app only shows what the server permits.
 */
export interface WorkflowStep {
  /** What the step is called on the desk (« Direction de la communication »). */
  readonly name: string;
  readonly roles: readonly Role[];
  readonly when: 'always' | 'sensitive';
}

/** The roles that may approve at all: an agent publishes nothing for the establishment. */
export const APPROVER_ROLES: readonly Role[] = ['admin', 'communication', 'community_manager', 'legal'];
export const MAX_WORKFLOW_STEPS = 5;

/** The guides' chain: the communication director approves, the legal service reads what is sensitive. */
export const DEFAULT_WORKFLOW: readonly WorkflowStep[] = [
  { name: 'Direction de la communication', roles: ['communication', 'admin'], when: 'always' },
  { name: 'Service juridique', roles: ['legal'], when: 'sensitive' },
];

export interface PlacedStep {
  /** Index in the workflow as configured (what an approval records). */
  readonly index: number;
  readonly step: WorkflowStep;
}

/** The steps a draft goes through, in order. */
export function stepsFor(workflow: readonly WorkflowStep[], sensitive: boolean): PlacedStep[] {
  return workflow.flatMap((step, index) => (step.when === 'always' || sensitive ? [{ index, step }] : []));
}

/** The first applicable step not yet approved on this revision; null once all are. */
export function pendingStep(
  workflow: readonly WorkflowStep[],
  sensitive: boolean,
  approvedSteps: ReadonlySet<number>,
): PlacedStep | null {
  return stepsFor(workflow, sensitive).find((placed) => !approvedSteps.has(placed.index)) ?? null;
}

/** What is wrong with a workflow an administrator sends, in French; empty when it is sound. */
export function workflowProblems(steps: readonly WorkflowStep[]): string[] {
  const problems: string[] = [];
  if (steps.length === 0) problems.push('Le circuit doit compter au moins une étape.');
  if (steps.length > MAX_WORKFLOW_STEPS)
    problems.push(`Le circuit compte au plus ${MAX_WORKFLOW_STEPS} étapes.`);
  if (steps.length > 0 && !steps.some((step) => step.when === 'always'))
    problems.push('Au moins une étape doit s’appliquer à toutes les publications.');
  steps.forEach((step, i) => {
    if (step.roles.length === 0) problems.push(`L’étape ${i + 1} n’a aucun rôle pour décider.`);
    for (const role of step.roles)
      if (!APPROVER_ROLES.includes(role))
        problems.push(`L’étape ${i + 1} ne peut pas être confiée aux agents.`);
  });
  return [...new Set(problems)];
}

/** Statuses from which an edit is allowed; an edit always brings the draft back to `draft`. */
export const EDITABLE_STATUSES: readonly DraftStatus[] = ['draft', 'in_review', 'approved', 'rejected'];
