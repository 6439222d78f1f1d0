import type { Severity } from '../db/schema.js';
import { type IncidentCategory, PRESS_LAW_CATEGORIES } from './categories.js';

/**
 * Deadlines, computed on every read from the incident and its history (nothing stored, so a
 * change of severity moves them at once).
 *
 * Simplification: the response targets of domain-rules §3.5 are counted in calendar time from
 * the incident's creation, 24/7; « business hours » and « next morning » are not modelled, so a
 * report filed on a Friday evening shows N2 targets passing over the weekend. Targets are
 * recommendations, not regulation; the legal clocks below are the ones that bind.
 */
export type DeadlineKind =
  | 'qualify'
  | 'alert'
  | 'decision'
  | 'first_action'
  | 'answer'
  | 'press_prescription'
  | 'gdpr_notification';
export type DeadlineState = 'ok' | 'soon' | 'passed' | 'met';

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly label: string;
  readonly dueAt: string;
  readonly state: DeadlineState;
}

/** When the history shows each step done (ISO strings), from the incident's events. */
export interface Milestones {
  readonly qualifiedAt?: string | undefined;
  readonly alertedAt?: string | undefined;
  readonly decidedAt?: string | undefined;
  readonly firstActionAt?: string | undefined;
  readonly answeredAt?: string | undefined;
  readonly closedAt?: string | undefined;
  readonly complaintAt?: string | undefined;
  readonly cnilNotifiedAt?: string | undefined;
}

export interface DeadlineInput {
  readonly severity: Severity;
  readonly category: IncidentCategory;
  readonly createdAt: string;
  readonly firstPublishedAt: string | null;
  readonly breachAwareAt: string | null;
  readonly milestones: Milestones;
  readonly now: Date;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type TargetKind = 'qualify' | 'alert' | 'decision' | 'first_action' | 'answer';

/** §3.5, upper bounds where the table gives a range (« ≤ 1–2 h » → 2 h, « ≤ 24–48 h » → 48 h). */
const TARGETS: Readonly<Record<Severity, Partial<Record<TargetKind, number>>>> = {
  N4: { qualify: 15 * MINUTE, alert: 30 * MINUTE, decision: HOUR, first_action: 2 * HOUR, answer: 24 * HOUR },
  N3: { qualify: HOUR, alert: 2 * HOUR, decision: 4 * HOUR, first_action: 4 * HOUR, answer: 48 * HOUR },
  N2: { qualify: 4 * HOUR, decision: 24 * HOUR, first_action: 24 * HOUR, answer: 48 * HOUR },
  N1: { qualify: 24 * HOUR, first_action: 72 * HOUR },
  N0: {},
};

const TARGET_LABELS: Readonly<Record<TargetKind, string>> = {
  qualify: 'Qualifier et graduer',
  alert: 'Alerter les personnes concernées',
  decision: 'Décider de la conduite à tenir',
  first_action: 'Première action (publique ou privée)',
  answer: 'Réponse sur le fond',
};

const TARGET_MILESTONE: Readonly<Record<TargetKind, keyof Milestones>> = {
  qualify: 'qualifiedAt',
  alert: 'alertedAt',
  decision: 'decidedAt',
  first_action: 'firstActionAt',
  answer: 'answeredAt',
};

/** A deadline is « soon » in the last quarter of its span. */
const SOON_FRACTION = 0.25;

function stateOf(start: number, due: number, now: number, metAt: string | undefined): DeadlineState {
  if (metAt !== undefined) return 'met';
  if (now > due) return 'passed';
  if (due - now <= (due - start) * SOON_FRACTION) return 'soon';
  return 'ok';
}

/** Three calendar months later, « de date à date », on the last day of a shorter month. */
export function addMonths(iso: string, months: number): Date {
  const start = new Date(iso);
  const target = new Date(start.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

export function computeDeadlines(input: DeadlineInput): Deadline[] {
  const now = input.now.getTime();
  const created = Date.parse(input.createdAt);
  const deadlines: Deadline[] = [];
  const targets = TARGETS[input.severity];
  for (const kind of Object.keys(TARGET_LABELS) as TargetKind[]) {
    const span = targets[kind];
    if (span === undefined) continue;
    const due = created + span;
    // A closed incident owes nothing more: what was not done is moot, not late.
    const metAt = input.milestones[TARGET_MILESTONE[kind]] ?? input.milestones.closedAt;
    deadlines.push({
      kind,
      label: TARGET_LABELS[kind],
      dueAt: new Date(due).toISOString(),
      state: stateOf(created, due, now, metAt),
    });
  }
  if (PRESS_LAW_CATEGORIES.has(input.category) && input.firstPublishedAt !== null) {
    const start = Date.parse(input.firstPublishedAt);
    const due = addMonths(input.firstPublishedAt, 3).getTime();
    deadlines.push({
      kind: 'press_prescription',
      label: 'Prescription de l’action (3 mois après la première publication, loi de 1881 art. 65)',
      dueAt: new Date(due).toISOString(),
      state: stateOf(start, due, now, input.milestones.complaintAt),
    });
  }
  if (input.category === 'secret_breach' && input.breachAwareAt !== null) {
    const start = Date.parse(input.breachAwareAt);
    const due = start + 72 * HOUR;
    deadlines.push({
      kind: 'gdpr_notification',
      label: 'Notification de la violation de données à la CNIL (72 h, RGPD art. 33)',
      dueAt: new Date(due).toISOString(),
      state: stateOf(start, due, now, input.milestones.cnilNotifiedAt),
    });
  }
  return deadlines;
}

/** The earliest deadline still owed, for sorting the desk's list; null when none is. */
export function nextDue(deadlines: readonly Deadline[]): string | null {
  let next: string | null = null;
  for (const deadline of deadlines) {
    if (deadline.state === 'met') continue;
    if (next === null || deadline.dueAt < next) next = deadline.dueAt;
  }
  return next;
}

export const isOverdue = (deadlines: readonly Deadline[]): boolean =>
  deadlines.some((deadline) => deadline.state === 'passed');

/** The event rows that mark milestones (see the service for what each kind's detail holds). */
export interface MilestoneEvent {
  readonly at: string;
  readonly kind: string;
  readonly detail: { readonly to?: string; readonly decision?: string };
}

const NON_ACTIONS = new Set(['monitor']);

/** Reads the milestones from an incident's events, in time order. */
export function milestonesFromEvents(events: readonly MilestoneEvent[], closed: boolean): Milestones {
  const first = (test: (event: MilestoneEvent) => boolean): string | undefined => events.find(test)?.at;
  const transitionTo = (status: string) => (event: MilestoneEvent) =>
    event.kind === 'transition' && event.detail.to === status;
  const decision = (kinds: (kind: string) => boolean) => (event: MilestoneEvent) =>
    event.kind === 'decision' && kinds(event.detail.decision ?? '');
  const responded = first(transitionTo('responded'));
  const ignored = first(decision((kind) => kind === 'ignore'));
  const acted = first(decision((kind) => !NON_ACTIONS.has(kind)));
  const closedAt = closed ? [...events].reverse().find(transitionTo('closed'))?.at : undefined;
  return {
    qualifiedAt: first((event) => transitionTo('qualified')(event) || event.kind === 'qualification'),
    alertedAt: first((event) => event.kind === 'owner'),
    decidedAt: first(decision(() => true)),
    firstActionAt: earliest(acted, responded),
    answeredAt: earliest(responded, ignored),
    closedAt,
    complaintAt: first(decision((kind) => kind === 'complaint')),
    cnilNotifiedAt: first(decision((kind) => kind === 'cnil_notification')),
  };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
