import type { Role } from '../db/schema.js';
import type { AppContext } from '../http/context.js';
import { inUnit } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { findWorkflow, saveWorkflow } from './draft-repository.js';
import { PUBLISHING_CONFIGURE_ROLES } from './policy.js';
import { DEFAULT_WORKFLOW, type WorkflowStep, workflowProblems } from './workflow.js';

export interface WorkflowView {
  readonly steps: { name: string; roles: Role[]; when: 'always' | 'sensitive' }[];
  readonly isDefault: boolean;
  readonly canConfigure: boolean;
}

/** A stored workflow's steps, or the default workflow when the establishment has none. */
export function stepsOf(row: { readonly steps: string } | undefined): readonly WorkflowStep[] {
  return row === undefined ? DEFAULT_WORKFLOW : (JSON.parse(row.steps) as WorkflowStep[]);
}

/** The establishment's workflow, or the default one. */
export async function workflowOf(db: AppContext['storage']['db'], establishmentId: string) {
  return stepsOf(await findWorkflow(db, establishmentId));
}

export async function readWorkflow(
  context: AppContext,
  establishmentId: string,
  role: Role,
): Promise<WorkflowView> {
  const row = await findWorkflow(context.storage.db, establishmentId);
  return {
    steps: stepsOf(row).map((step) => ({
      ...step,
      roles: [...step.roles],
    })),
    isDefault: row === undefined,
    canConfigure: PUBLISHING_CONFIGURE_ROLES.includes(role),
  };
}

/**
 * Replaces the establishment's workflow. Drafts in review keep their approvals by step index:
 * a change of workflow applies to the steps still pending.
 */
export async function changeWorkflow(
  context: AppContext,
  establishmentId: string,
  actor: { id: string; role: Role },
  steps: readonly WorkflowStep[],
): Promise<WorkflowView> {
  const problems = workflowProblems(steps);
  if (problems.length > 0)
    throw new Problem(
      400,
      'circuit_invalide',
      problems.join(' '),
      problems.map((message) => ({ field: 'steps', message })),
    );
  const tidy = steps.map((step) => ({
    name: step.name.trim(),
    roles: [...new Set(step.roles)],
    when: step.when,
  }));
  await inUnit(context, async (unit) => {
    await saveWorkflow(unit.trx, {
      establishment_id: establishmentId,
      steps: JSON.stringify(tidy),
      updated_at: unit.now.toISOString(),
    });
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.workflow.change',
      targetType: 'establishment',
      targetId: establishmentId,
      detail: { steps: tidy },
    });
  });
  return readWorkflow(context, establishmentId, actor.role);
}
