import { randomUUID } from 'node:crypto';
import {
  isPublishingNetwork,
  type LimitMeasure,
  measureVariant,
  NETWORK_PUBLISHING_RULES,
  type PublishingNetwork,
} from '@blouse/contract';
import type { DraftStatus, Role } from '../db/schema.js';
import { type AppContext, inUnit, type Unit } from '../http/context.js';
import { badRequest, conflict, forbidden, notFound, Problem, unprocessable } from '../http/problem.js';
import { consentsOfDrafts } from './consents/consent-repository.js';
import {
  type ConsentState,
  type ConsentTerms,
  consentedNames,
  consentState,
  peopleProblems,
} from './consents/consent-rules.js';
import { consentTerms } from './consents/consent-terms.js';
import { establishmentDay } from './consents/establishment-day.js';
import {
  type ApprovalRow,
  type DraftRow,
  findDraft,
  insertApproval,
  insertDraft,
  listApprovals,
  listApprovalsOf,
  listDrafts,
  listVariants,
  replaceVariants,
  updateDraftAt,
  type VariantRow,
} from './draft-repository.js';
import { readVariant, type VariantFinding } from './guard-gate.js';
import { listMedia, listMediaOf, type MediaView } from './media/media-repository.js';
import { PUBLISHING_WRITE_ROLES } from './policy.js';
import { cancelPending } from './schedule/publication-service.js';
import { EDITABLE_STATUSES, pendingStep, type WorkflowStep } from './workflow.js';
import { workflowOf } from './workflow-service.js';

export interface Actor {
  readonly id: string;
  readonly role: Role;
}

export interface VariantInput {
  readonly network: string;
  readonly text: string;
  readonly title?: string | null;
}

export interface DraftInput {
  readonly title: string;
  readonly variants: readonly VariantInput[];
}

export interface VariantView {
  readonly network: PublishingNetwork;
  readonly title: string | null;
  readonly text: string;
  readonly verdict: 'ok' | 'warn' | 'block';
  readonly findings: VariantFinding[];
  readonly limits: LimitMeasure[];
  readonly checkedAt: string;
}

export interface ApprovalView {
  readonly step: number;
  readonly stepName: string;
  readonly revision: number;
  readonly approverId: string;
  readonly decision: 'approved' | 'rejected';
  readonly comment: string;
  readonly at: string;
}

export interface DraftActions {
  readonly edit: boolean;
  readonly submit: boolean;
  readonly approve: boolean;
  /** Why this reader may not approve, in French, when the draft waits for a decision. */
  readonly approveRefusal: string | null;
}

/** A person the draft relies on, as the desk shows them beside the text. */
export interface DraftConsentView {
  readonly id: string;
  readonly personName: string;
  readonly personKind: ConsentTerms['personKind'];
  readonly uses: ConsentTerms['uses'][number][];
  readonly networks: string[];
  readonly expiresOn: string;
  readonly state: ConsentState;
}

export interface DraftView {
  readonly id: string;
  readonly title: string;
  readonly status: DraftStatus;
  readonly revision: number;
  readonly sensitive: boolean;
  readonly authorId: string;
  readonly lastEditorId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
  readonly variants: VariantView[];
  /** The photos, in order, published with every variant. */
  readonly media: MediaView[];
  /** The people the post names or shows, by their consents; and whether the photos show nobody. */
  readonly people: {
    readonly consents: DraftConsentView[];
    readonly nobodyShown: boolean;
    /** What stops submission for want of consent (a consent no longer in force, photos undeclared). */
    readonly problems: { readonly field: string; readonly message: string }[];
  };
  /** The step waiting for a decision (in review only). */
  readonly pendingStep: { readonly index: number; readonly name: string; readonly roles: Role[] } | null;
  /** Every decision ever given, older revisions included (they were reset by an edit). */
  readonly approvals: ApprovalView[];
  /** What the reader may do, computed here: the web app never re-implements the workflow. */
  readonly actions: DraftActions;
}

export const MAX_DRAFTS_PAGE = 100;

const SELF_APPROVAL = 'Vous ne pouvez pas approuver une publication que vous avez écrite ou modifiée.';

export async function createDraft(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  input: DraftInput,
): Promise<DraftView> {
  const variants = checkVariantInput(input.variants);
  // The guard reads every variant before the transaction: an analysis never holds it open.
  const read = await readVariants(context, establishmentId, variants, []);
  const id = randomUUID();
  await inUnit(context, async (unit) => {
    const now = unit.now.toISOString();
    await insertDraft(unit.trx, {
      id,
      establishment_id: establishmentId,
      author_id: actor.id,
      last_editor_id: actor.id,
      title: input.title.trim(),
      status: 'draft',
      revision: 1,
      sensitive: 0,
      created_at: now,
      updated_at: now,
      submitted_at: null,
      nobody_shown: 0,
    });
    await replaceVariants(unit.trx, id, variantRows(id, read, now));
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.draft.create',
      targetType: 'publishing_draft',
      targetId: id,
      detail: verdictSummary(read),
    });
  });
  return readDraft(context, establishmentId, actor, id);
}

/**
 * Saves a new revision of a draft. Any edit brings it back to `draft`: an approval given on the
 * text before no longer counts (it stays in the history, tied to its revision).
 */
export async function updateDraft(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  input: DraftInput & { readonly revision: number },
): Promise<DraftView> {
  const variants = checkVariantInput(input.variants);
  const read = await readVariants(context, establishmentId, variants, await draftConsents(context, draftId));
  await inUnit(context, async (unit) => {
    const { draft, revision, cancelled } = await newRevision(
      unit,
      establishmentId,
      actor,
      draftId,
      input.revision,
      {
        title: input.title.trim(),
      },
    );
    await replaceVariants(unit.trx, draftId, variantRows(draftId, read, unit.now.toISOString()));
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.draft.update',
      targetType: 'publishing_draft',
      targetId: draftId,
      detail: {
        revision,
        ...verdictSummary(read),
        reset: draft.status !== 'draft' ? draft.status : null,
        cancelledPublications: cancelled,
      },
    });
  });
  return readDraft(context, establishmentId, actor, draftId);
}

/**
 * Starts a new revision of a draft inside a unit: it must still be at the revision the editor
 * read; it goes back to « brouillon », its approvals stop counting, and what was scheduled from
 * the approved text is cancelled. Shared by every kind of edit (text, title, photos).
 */
export async function newRevision(
  unit: Unit,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  expectedRevision: number,
  changes: { readonly title?: string } = {},
): Promise<{ draft: DraftRow; revision: number; cancelled: number }> {
  const draft = await findDraft(unit.trx, establishmentId, draftId);
  if (draft === undefined) throw notFound();
  if (!EDITABLE_STATUSES.includes(draft.status))
    throw conflict('non_modifiable', 'Cette publication ne peut plus être modifiée.');
  if (draft.revision !== expectedRevision) throw staleRevision();
  const moved = await updateDraftAt(unit.trx, draftId, draft.revision, {
    ...changes,
    status: 'draft',
    revision: draft.revision + 1,
    sensitive: 0,
    last_editor_id: actor.id,
    updated_at: unit.now.toISOString(),
    submitted_at: null,
  });
  if (!moved) throw staleRevision();
  // What was scheduled was the approved text: an edit cancels it until approved again.
  const cancelled = await cancelPending(
    unit.trx,
    draftId,
    'annulée : la publication a été modifiée après sa programmation',
  );
  return { draft, revision: draft.revision + 1, cancelled };
}

/**
 * Sends a draft for approval. The guard reads every variant again (the establishment's lists may
 * have changed since it was saved): a blocked variant stops the submission, a warning makes the
 * draft sensitive (the workflow's sensitive steps apply). Each network's limits must hold.
 */
export async function submitDraft(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  revision: number,
): Promise<DraftView> {
  const draft = await findDraft(context.storage.db, establishmentId, draftId);
  if (draft === undefined) throw notFound();
  if (draft.status !== 'draft' && draft.status !== 'rejected')
    throw conflict('deja_soumise', 'Cette publication est déjà soumise ou approuvée.');
  const variants = await listVariants(context.storage.db, [draftId]);
  if (variants.length === 0)
    throw unprocessable('aucune_variante', 'Ajoutez au moins un réseau avant de soumettre.');
  const media = await listMedia(context, draftId);
  checkLimits(variants, media);
  const consents = await draftConsents(context, draftId);
  checkPeople(context, draft, variants, media, consents);
  const read = await readVariants(context, establishmentId, variants.map(asInput), consents);
  await inUnit(context, async (unit) => {
    const now = unit.now.toISOString();
    await replaceVariants(unit.trx, draftId, variantRows(draftId, read, now));
    refuseBlocked(read);
    const sensitive = read.some((variant) => variant.reading.verdict === 'warn');
    const moved = await updateDraftAt(unit.trx, draftId, revision, {
      status: 'in_review',
      sensitive: sensitive ? 1 : 0,
      submitted_at: now,
      updated_at: now,
    });
    if (!moved) throw staleRevision();
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.draft.submit',
      targetType: 'publishing_draft',
      targetId: draftId,
      detail: { revision, sensitive, ...verdictSummary(read) },
    });
  });
  return readDraft(context, establishmentId, actor, draftId);
}

/**
 * A decision at the draft's pending step: by someone holding one of the step's roles, who neither
 * wrote the draft nor edited its current revision. An approval reads the guard again: a variant
 * that has become blocked (a consent withdrawn, a list changed) cannot be approved.
 */
export async function decideDraft(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  input: { readonly revision: number; readonly decision: 'approved' | 'rejected'; readonly comment: string },
): Promise<DraftView> {
  const db = context.storage.db;
  const draft = await findDraft(db, establishmentId, draftId);
  if (draft === undefined) throw notFound();
  if (draft.status !== 'in_review')
    throw conflict('pas_en_validation', 'Cette publication n’attend aucune décision.');
  if (draft.revision !== input.revision) throw staleRevision();
  const workflow = await workflowOf(db, establishmentId);
  const pending = await pendingOf(context, draft, workflow);
  if (pending === null) throw conflict('pas_en_validation', 'Cette publication n’attend aucune décision.');
  const refusal = approveRefusal(draft, actor, pending.step);
  if (refusal === SELF_APPROVAL) throw new Problem(403, 'auto_approbation', refusal);
  if (refusal !== null) throw forbidden(refusal);
  if (input.decision === 'rejected' && input.comment.trim() === '')
    throw badRequest(
      'commentaire_requis',
      'Dites à l’auteur ce qu’il faut changer : un commentaire est requis pour refuser.',
      [{ field: 'comment', message: 'requis pour refuser' }],
    );
  let read: ReadVariant[] | null = null;
  if (input.decision === 'approved') {
    // A consent withdrawn or expired since the submission stops the approval.
    const variants = await listVariants(db, [draftId]);
    const consents = await draftConsents(context, draftId);
    checkPeople(context, draft, variants, await listMedia(context, draftId), consents);
    read = await readVariants(context, establishmentId, variants.map(asInput), consents);
  }
  await inUnit(context, async (unit) => {
    const now = unit.now.toISOString();
    if (read !== null) {
      await replaceVariants(unit.trx, draftId, variantRows(draftId, read, now));
      refuseBlocked(read);
    }
    const recorded = await insertApproval(unit.trx, {
      id: randomUUID(),
      draft_id: draftId,
      revision: draft.revision,
      step: pending.index,
      approver_id: actor.id,
      decision: input.decision,
      comment: input.comment.trim(),
      created_at: now,
    });
    if (!recorded)
      throw conflict('deja_decidee', 'Quelqu’un vient de décider à cette étape : rechargez la publication.');
    const approved = new Set(
      (await listApprovals(unit.trx, draftId))
        .filter((a) => a.revision === draft.revision && a.decision === 'approved')
        .map((a) => a.step),
    );
    const status: DraftStatus =
      input.decision === 'rejected'
        ? 'rejected'
        : pendingStep(workflow, draft.sensitive === 1, approved) === null
          ? 'approved'
          : 'in_review';
    const moved = await updateDraftAt(unit.trx, draftId, draft.revision, { status, updated_at: now });
    if (!moved) throw staleRevision();
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: input.decision === 'approved' ? 'publishing.draft.approve' : 'publishing.draft.reject',
      targetType: 'publishing_draft',
      targetId: draftId,
      // The comment stays with the approval, not in the audit log: it may quote the draft.
      detail: {
        revision: draft.revision,
        step: pending.index,
        stepName: pending.step.name,
        commented: input.comment.trim() !== '',
        status,
      },
    });
  });
  return readDraft(context, establishmentId, actor, draftId);
}

export async function readDraft(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
): Promise<DraftView> {
  const db = context.storage.db;
  const draft = await findDraft(db, establishmentId, draftId);
  if (draft === undefined) throw notFound();
  const [variants, workflow] = await Promise.all([
    listVariants(db, [draftId]),
    workflowOf(db, establishmentId),
  ]);
  const approvals = await listApprovals(db, draftId);
  const people = await consentsOfDrafts(db, [draftId]);
  return view(draft, variants, approvals, workflow, actor, await listMedia(context, draftId), {
    consents: people,
    day: establishmentDay(context.clock()),
  });
}

export interface DraftPage {
  readonly items: DraftView[];
  readonly nextCursor: string | null;
}

export async function listDraftPage(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  query: { limit?: number; cursor?: string; status?: DraftStatus },
): Promise<DraftPage> {
  const db = context.storage.db;
  const limit = Math.min(query.limit ?? 20, MAX_DRAFTS_PAGE);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await listDrafts(db, establishmentId, {
    limit: limit + 1,
    ...(after === undefined ? {} : { after }),
    ...(query.status === undefined ? {} : { status: query.status }),
  });
  const page = rows.slice(0, limit);
  const ids = page.map((row) => row.id);
  // One query per kind of row for the whole page, whatever its size.
  const [variants, workflow, people, approvals, media] = await Promise.all([
    listVariants(db, ids),
    workflowOf(db, establishmentId),
    consentsOfDrafts(db, ids),
    listApprovalsOf(db, ids),
    listMediaOf(context, ids),
  ]);
  const day = establishmentDay(context.clock());
  const items = page.map((row) =>
    view(
      row,
      variants.filter((variant) => variant.draft_id === row.id),
      approvals.filter((approval) => approval.draft_id === row.id),
      workflow,
      actor,
      media.get(row.id) ?? [],
      { consents: people.filter((consent) => consent.draft_id === row.id), day },
    ),
  );
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.updated_at, last.id) : null,
  };
}

function view(
  draft: DraftRow,
  variants: readonly VariantRow[],
  approvals: readonly ApprovalRow[],
  workflow: readonly WorkflowStep[],
  actor: Actor,
  media: MediaView[],
  people: { readonly consents: readonly Parameters<typeof consentTerms>[0][]; readonly day: string },
): DraftView {
  const approved = new Set(
    approvals.filter((a) => a.revision === draft.revision && a.decision === 'approved').map((a) => a.step),
  );
  const pending =
    draft.status === 'in_review' ? pendingStep(workflow, draft.sensitive === 1, approved) : null;
  const writer = PUBLISHING_WRITE_ROLES.includes(actor.role);
  const consents = people.consents.map(consentTerms);
  const missingConsents = peopleProblems({
    consents,
    networks: variants.map((variant) => variant.network as PublishingNetwork),
    media: media.map((item) => item.check),
    nobodyShown: draft.nobody_shown === 1,
    day: people.day,
  });
  const refusal = pending === null ? null : approveRefusal(draft, actor, pending.step);
  return {
    id: draft.id,
    title: draft.title,
    status: draft.status,
    revision: draft.revision,
    sensitive: draft.sensitive === 1,
    authorId: draft.author_id,
    lastEditorId: draft.last_editor_id,
    createdAt: draft.created_at,
    updatedAt: draft.updated_at,
    submittedAt: draft.submitted_at,
    variants: variants.map(variantView),
    media,
    people: {
      consents: consents.map((terms) => {
        return {
          id: terms.id,
          personName: terms.personName,
          personKind: terms.personKind,
          uses: [...terms.uses],
          networks: [...terms.networks],
          expiresOn: terms.expiresOn,
          state: consentState(terms, people.day),
        };
      }),
      nobodyShown: draft.nobody_shown === 1,
      problems: missingConsents,
    },
    pendingStep:
      pending === null
        ? null
        : { index: pending.index, name: pending.step.name, roles: [...pending.step.roles] },
    approvals: approvals.map((a) => ({
      step: a.step,
      stepName: workflow[a.step]?.name ?? `Étape ${a.step + 1}`,
      revision: a.revision,
      approverId: a.approver_id,
      decision: a.decision,
      comment: a.comment,
      at: a.created_at,
    })),
    actions: {
      edit: writer && EDITABLE_STATUSES.includes(draft.status),
      submit:
        writer &&
        (draft.status === 'draft' || draft.status === 'rejected') &&
        variants.length > 0 &&
        variants.every((variant) => variant.verdict !== 'block') &&
        missingConsents.length === 0,
      approve: pending !== null && refusal === null,
      approveRefusal: refusal,
    },
  };
}

function approveRefusal(draft: DraftRow, actor: Actor, step: WorkflowStep): string | null {
  if (actor.id === draft.author_id || actor.id === draft.last_editor_id) return SELF_APPROVAL;
  if (!step.roles.includes(actor.role))
    return `Cette étape (« ${step.name} ») est décidée par un autre rôle que le vôtre.`;
  return null;
}

async function pendingOf(context: AppContext, draft: DraftRow, workflow: readonly WorkflowStep[]) {
  const approved = new Set(
    (await listApprovals(context.storage.db, draft.id))
      .filter((a) => a.revision === draft.revision && a.decision === 'approved')
      .map((a) => a.step),
  );
  return pendingStep(workflow, draft.sensitive === 1, approved);
}

export interface ReadVariant {
  readonly input: VariantInput & { readonly network: PublishingNetwork };
  readonly reading: Awaited<ReturnType<typeof readVariant>>;
}

/**
 * The guard's reading of each variant, with the names its people consented to show on that
 * network (the register's consents, valid today).
 */
export async function readVariants(
  context: AppContext,
  establishmentId: string,
  variants: readonly (VariantInput & { readonly network: PublishingNetwork })[],
  consents: readonly ConsentTerms[],
): Promise<ReadVariant[]> {
  const day = establishmentDay(context.clock());
  const out: ReadVariant[] = [];
  // One after the other: a draft has at most eight variants, and the guard pool is shared.
  for (const input of variants)
    out.push({
      input,
      reading: await readVariant(
        context,
        establishmentId,
        input,
        consentedNames(consents, input.network, day),
      ),
    });
  return out;
}

/** The consents a draft relies on, as terms the rules read. */
export async function draftConsents(context: AppContext, draftId: string): Promise<ConsentTerms[]> {
  return (await consentsOfDrafts(context.storage.db, [draftId])).map(consentTerms);
}

/** Every person relied on still consents today, and every network's photos are covered. */
function checkPeople(
  context: AppContext,
  draft: DraftRow,
  variants: readonly VariantRow[],
  media: readonly MediaView[],
  consents: readonly ConsentTerms[],
): void {
  const problems = peopleProblems({
    consents,
    networks: variants.map((variant) => variant.network as PublishingNetwork),
    media: media.map((item) => item.check),
    nobodyShown: draft.nobody_shown === 1,
    day: establishmentDay(context.clock()),
  });
  if (problems.length > 0)
    throw new Problem(
      422,
      'consentement_requis',
      'Il manque un consentement valable pour une personne nommée ou visible : voyez le détail.',
      problems,
    );
}

/** Networks known and not repeated, titles only where the network has one. */
function checkVariantInput(
  variants: readonly VariantInput[],
): (VariantInput & { network: PublishingNetwork })[] {
  const errors: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  variants.forEach((variant, i) => {
    if (!isPublishingNetwork(variant.network))
      errors.push({ field: `variants.${i}.network`, message: 'réseau inconnu' });
    else if (seen.has(variant.network))
      errors.push({ field: `variants.${i}.network`, message: 'réseau en double' });
    else if (!NETWORK_PUBLISHING_RULES[variant.network].hasTitle && variant.title)
      errors.push({ field: `variants.${i}.title`, message: 'ce réseau n’a pas de titre' });
    seen.add(variant.network);
  });
  if (errors.length > 0)
    throw badRequest(
      'variantes_invalides',
      'Une variante est mal formée : voyez le détail par champ.',
      errors,
    );
  return variants as (VariantInput & { network: PublishingNetwork })[];
}

function checkLimits(variants: readonly VariantRow[], media: readonly MediaView[]): void {
  const errors: { field: string; message: string }[] = [];
  for (const variant of variants) {
    const network = variant.network as PublishingNetwork;
    const rules = NETWORK_PUBLISHING_RULES[network].media;
    const videos = media.filter((item) => item.mediaType.startsWith('video/'));
    const photos = media.length - videos.length;
    if (rules.required === 'video' && videos.length === 0)
      errors.push({ field: `${network}.media`, message: 'vidéo requise' });
    if (rules.required === 'image-or-video' && media.length === 0)
      errors.push({ field: `${network}.media`, message: 'photo ou vidéo requise' });
    if (photos > rules.maxImages)
      errors.push({
        field: `${network}.media`,
        message:
          rules.maxImages === 0
            ? 'ce réseau ne publie pas de photos'
            : `${photos} photos pour ${rules.maxImages} au plus`,
      });
    if (videos.length > rules.maxVideos)
      errors.push({ field: `${network}.media`, message: 'ce réseau ne publie pas de vidéo' });
    const maxBytes = rules.maxImageBytes;
    if (
      maxBytes !== null &&
      media.some((item) => !item.mediaType.startsWith('video/') && item.byteSize > maxBytes)
    )
      errors.push({ field: `${network}.media`, message: `photo de plus de ${maxBytes} octets` });
    for (const measure of measureVariant(network, asInput(variant)))
      if (measure.over)
        errors.push({
          field: `${network}.${measure.field}`,
          message: `${measure.length} pour ${measure.max} au plus`,
        });
    if (NETWORK_PUBLISHING_RULES[network].hasTitle && !variant.title?.trim())
      errors.push({ field: `${network}.title`, message: 'titre requis' });
  }
  if (errors.length > 0)
    throw new Problem(
      422,
      'limites_depassees',
      'Une variante dépasse les limites de son réseau (texte, titre ou photos) : corrigez-la avant de soumettre.',
      errors,
    );
}

function refuseBlocked(read: readonly ReadVariant[]): void {
  const blocked = read
    .filter((variant) => variant.reading.verdict === 'block')
    .map((variant) => variant.input.network);
  if (blocked.length > 0)
    throw conflict(
      'variante_bloquee',
      `Le garde bloque la variante ${blocked.join(', ')} : corrigez-la avant de la soumettre ou de l’approuver.`,
    );
}

export function asInput(variant: VariantRow): VariantInput & { network: PublishingNetwork } {
  return { network: variant.network as PublishingNetwork, text: variant.text, title: variant.title };
}

export function variantRows(draftId: string, read: readonly ReadVariant[], now: string): VariantRow[] {
  return read.map(({ input, reading }) => ({
    draft_id: draftId,
    network: input.network,
    title: input.title ?? null,
    text: input.text,
    verdict: reading.verdict,
    findings: JSON.stringify(reading.findings),
    checked_at: now,
  }));
}

function variantView(row: VariantRow): VariantView {
  const network = row.network as PublishingNetwork;
  return {
    network,
    title: row.title,
    text: row.text,
    verdict: row.verdict,
    findings: JSON.parse(row.findings) as VariantFinding[],
    limits: measureVariant(network, row),
    checkedAt: row.checked_at,
  };
}

function verdictSummary(read: readonly ReadVariant[]): Record<string, string> {
  return Object.fromEntries(read.map((variant) => [variant.input.network, variant.reading.verdict]));
}

function staleRevision() {
  return conflict('revision_perimee', 'Quelqu’un a modifié cette publication entre-temps : rechargez-la.');
}

function encodeCursor(updatedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([updatedAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: string; id: string } {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof updatedAt === 'string' && typeof id === 'string') return { updatedAt, id };
  } catch {
    // Falls through to the refusal below.
  }
  throw badRequest(
    'curseur_invalide',
    'Ce curseur de page n’est pas valable : repartez de la première page.',
  );
}
