import type { IncidentStatus, Role } from '../db/schema.js';
import { DESK_ROLES } from '../http/auth.js';
import { type IncidentCategory, PHAROS_CATEGORIES } from './categories.js';
import { DECISION_KINDS, type DecisionKind, mayRecordDecision } from './decisions.js';
import { noticeable } from './notice.js';
import { checkTransition, DECIDABLE, INCIDENT_STATUSES, QUALIFIABLE } from './workflow.js';

/**
 * What one desk member may do on one incident, computed from their role, the incident's status
 * and category, and the rules of workflow.ts and decisions.ts. The web app shows exactly these
 * actions; the services refuse the others with the same rules, so the two cannot drift.
 */
export interface PermittedActions {
  readonly qualify: boolean;
  /** The statuses this person may move the incident to from its current one. */
  readonly changeStatus: IncidentStatus[];
  /** The decision kinds this person may record now (empty when the status forbids deciding). */
  readonly decide: DecisionKind[];
  readonly assign: boolean;
  readonly comment: boolean;
  readonly setDates: boolean;
  readonly addEvidence: boolean;
  readonly exportEvidence: boolean;
  /** Whether a DSA art. 16 notice can be drafted (an unlawful category and a reported address). */
  readonly notice: boolean;
  readonly editNotice: boolean;
  readonly markNoticeSent: boolean;
  readonly exportCaseFile: boolean;
}

export interface PolicyInput {
  readonly role: Role;
  readonly status: IncidentStatus;
  readonly category: IncidentCategory;
  /** Whether the incident comes from a report, hence has the address a notice must name. */
  readonly hasReport: boolean;
}

/** The evidence zip and the notice to a platform are legal acts: communication and legal only. */
export const LEGAL_ACT_ROLES: ReadonlySet<Role> = new Set(['communication', 'legal']);

const NONE: PermittedActions = {
  qualify: false,
  changeStatus: [],
  decide: [],
  assign: false,
  comment: false,
  setDates: false,
  addEvidence: false,
  exportEvidence: false,
  notice: false,
  editNotice: false,
  markNoticeSent: false,
  exportCaseFile: false,
};

export function permittedActions(input: PolicyInput): PermittedActions {
  const { role, status, category } = input;
  if (!DESK_ROLES.includes(role)) return NONE;
  const notice = input.hasReport && noticeable(category);
  const legalAct = LEGAL_ACT_ROLES.has(role);
  return {
    qualify: QUALIFIABLE.has(status),
    changeStatus: INCIDENT_STATUSES.filter((to) => checkTransition(status, to, role).ok),
    decide: DECIDABLE.has(status)
      ? DECISION_KINDS.filter(
          (kind) => mayRecordDecision(role, kind) && (kind !== 'pharos' || PHAROS_CATEGORIES.has(category)),
        )
      : [],
    assign: true,
    comment: true,
    setDates: true,
    addEvidence: true,
    exportEvidence: legalAct,
    notice,
    editNotice: notice && legalAct && status !== 'closed',
    markNoticeSent: notice && legalAct,
    exportCaseFile: true,
  };
}

/** Whether a role may write or send the notice at all (the services' check, whatever the incident). */
export const mayActOnNotice = (role: Role): boolean => LEGAL_ACT_ROLES.has(role);
