import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW, pendingStep, stepsFor, type WorkflowStep, workflowProblems } from './workflow.js';

describe('approval workflow', () => {
  it('sends an ordinary draft to communication only, a sensitive one to legal as well', () => {
    expect(stepsFor(DEFAULT_WORKFLOW, false).map((placed) => placed.index)).toEqual([0]);
    expect(stepsFor(DEFAULT_WORKFLOW, true).map((placed) => placed.index)).toEqual([0, 1]);
  });

  it('names the first step not yet approved, and none once every step is', () => {
    expect(pendingStep(DEFAULT_WORKFLOW, true, new Set())?.index).toBe(0);
    expect(pendingStep(DEFAULT_WORKFLOW, true, new Set([0]))?.step.roles).toEqual(['legal']);
    expect(pendingStep(DEFAULT_WORKFLOW, true, new Set([0, 1]))).toBeNull();
    expect(pendingStep(DEFAULT_WORKFLOW, false, new Set([0]))).toBeNull();
  });

  it('refuses an empty workflow, one with only sensitive steps, and steps given to agents', () => {
    expect(workflowProblems(DEFAULT_WORKFLOW)).toEqual([]);
    expect(workflowProblems([])).toContain('Le circuit doit compter au moins une étape.');
    const onlySensitive: WorkflowStep[] = [{ name: 'Juridique', roles: ['legal'], when: 'sensitive' }];
    expect(workflowProblems(onlySensitive)).toEqual([
      'Au moins une étape doit s’appliquer à toutes les publications.',
    ]);
    const agents: WorkflowStep[] = [{ name: 'Tous', roles: ['agent'], when: 'always' }];
    expect(workflowProblems(agents)).toEqual(['L’étape 1 ne peut pas être confiée aux agents.']);
    const none: WorkflowStep[] = [{ name: 'Personne', roles: [], when: 'always' }];
    expect(workflowProblems(none)).toEqual(['L’étape 1 n’a aucun rôle pour décider.']);
  });
});
