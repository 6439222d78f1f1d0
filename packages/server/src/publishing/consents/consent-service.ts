import { createHash, randomUUID } from 'node:crypto';
import { PUBLISHING_NETWORKS, type PublishingNetwork } from '@blouse/contract';
import type { ConsentPersonKind, ConsentUse } from '../../db/schema.js';
import { detectMediaType } from '../../evidence/media-type.js';
import { stripImageMetadata } from '../../evidence/strip-metadata.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { badRequest, conflict, notFound, Problem } from '../../http/problem.js';
import { containsPattern, foldForSearch } from '../../incidents/search-fold.js';
import { deliver } from '../../mail/deliver.js';
import type { Actor } from '../draft-service.js';
import { PUBLISHING_WRITE_ROLES } from '../policy.js';
import { cancelPending } from '../schedule/publication-service.js';
import {
  type ConsentFilter,
  type ConsentRow,
  draftsOfConsent,
  findConsent,
  insertConsent,
  insertTakedowns,
  listConsents,
  listTakedowns,
  markWithdrawn,
  memberEmails,
  publicationsOfConsent,
  publicationsOfDrafts,
  readConsentForm,
  resolveTakedown,
  type TakedownRow,
} from './consent-repository.js';
import { type ConsentState, consentState, frenchDate } from './consent-rules.js';
import { consentTerms } from './consent-terms.js';
import { establishmentDay } from './establishment-day.js';

export const MAX_CONSENTS_PAGE = 100;
/** The signed form's types: a scan (PDF) or a photo of the paper. */
const FORM_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

export interface ConsentInput {
  readonly personName: string;
  readonly personKind: ConsentPersonKind;
  readonly uses: readonly ConsentUse[];
  readonly networks: readonly PublishingNetwork[];
  readonly purpose: string;
  readonly signatory: string | null;
  readonly givenOn: string;
  readonly expiresOn: string;
}

export interface ConsentView {
  readonly id: string;
  readonly personName: string;
  readonly personKind: ConsentPersonKind;
  readonly uses: ConsentUse[];
  readonly networks: PublishingNetwork[];
  readonly purpose: string;
  readonly signatory: string | null;
  readonly givenOn: string;
  readonly expiresOn: string;
  readonly state: ConsentState;
  readonly form: { readonly mediaType: string; readonly byteSize: number; readonly sha256: string };
  readonly createdBy: string;
  readonly createdAt: string;
  readonly withdrawal: { readonly at: string; readonly by: string; readonly reason: string } | null;
}

export interface TakedownView {
  readonly id: string;
  readonly consentId: string;
  readonly personName: string;
  readonly publicationId: string;
  readonly network: string;
  readonly url: string | null;
  readonly draftId: string;
  readonly draftTitle: string;
  readonly flaggedAt: string;
  readonly resolvedAt: string | null;
}

export interface ConsentDetail extends ConsentView {
  /** The posts relying on this consent, with what became of their publications. */
  readonly drafts: {
    readonly id: string;
    readonly title: string;
    readonly status: string;
    readonly publications: {
      readonly id: string;
      readonly network: string;
      readonly status: string;
      readonly url: string | null;
      readonly publishedAt: string | null;
    }[];
  }[];
  readonly takedowns: TakedownView[];
}

/**
 * Records a consent with its signed form. The form is read by its bytes (PDF, PNG, JPEG or WebP;
 * a page or a script renamed « formulaire.pdf » is refused); a photographed form is re-encoded
 * without its metadata, like every photo the desk keeps. The form's SHA-256 is kept beside it.
 */
export async function recordConsent(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  input: ConsentInput,
  form: Buffer,
): Promise<ConsentView> {
  checkDates(input.givenOn, input.expiresOn);
  const detected = detectMediaType(form);
  const formType = FORM_TYPES.find((type) => type === detected);
  if (formType === undefined)
    throw new Problem(
      415,
      'formulaire_illisible',
      'Joignez le formulaire signé en PDF, ou sa photo en PNG, JPEG ou WebP.',
    );
  const content = formType === 'application/pdf' ? form : (await stripImageMetadata(form, formType)).bytes;
  const id = randomUUID();
  await inUnit(context, async (unit) => {
    await insertConsent(unit.trx, {
      id,
      establishment_id: establishmentId,
      person_name: input.personName.trim(),
      person_key: foldForSearch(input.personName),
      person_kind: input.personKind,
      uses: JSON.stringify([...new Set(input.uses)]),
      networks: JSON.stringify([...new Set(input.networks)]),
      purpose: input.purpose.trim(),
      signatory: input.signatory?.trim() || null,
      given_on: input.givenOn,
      expires_on: input.expiresOn,
      form_content: content,
      form_type: formType,
      form_bytes: content.length,
      form_sha256: createHash('sha256').update(content).digest('hex'),
      created_by: actor.id,
      created_at: unit.now.toISOString(),
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_reason: null,
    });
    // The name stays in the register, not in the audit log: the log outlives the consent.
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.consent.record',
      targetType: 'publishing_consent',
      targetId: id,
      detail: { kind: input.personKind, uses: input.uses, expiresOn: input.expiresOn },
    });
  });
  return readConsent(context, establishmentId, id);
}

export async function readConsent(
  context: AppContext,
  establishmentId: string,
  consentId: string,
): Promise<ConsentDetail> {
  const db = context.storage.db;
  const row = await findConsent(db, establishmentId, consentId);
  if (row === undefined) throw notFound();
  const drafts = await draftsOfConsent(db, consentId);
  const publications = await publicationsOfDrafts(
    db,
    drafts.map((draft) => draft.id),
  );
  const takedowns = await listTakedowns(db, establishmentId, { consentId, limit: 200 });
  return {
    ...consentView(row, establishmentDay(context.clock())),
    drafts: drafts.map((draft) => ({
      ...draft,
      publications: publications
        .filter((p) => p.draft_id === draft.id)
        .map((p) => ({
          id: p.id,
          network: p.network,
          status: p.status,
          url: p.url,
          publishedAt: p.published_at,
        })),
    })),
    takedowns: takedowns.map(takedownView),
  };
}

export async function consentForm(
  context: AppContext,
  establishmentId: string,
  consentId: string,
): Promise<{ mediaType: string; bytes: Buffer }> {
  const row = await readConsentForm(context.storage.db, establishmentId, consentId);
  if (row === undefined) throw notFound();
  return { mediaType: row.form_type, bytes: Buffer.from(row.form_content) };
}

export async function listConsentPage(
  context: AppContext,
  establishmentId: string,
  query: {
    readonly q?: string;
    readonly state?: ConsentFilter;
    readonly cursor?: string;
    readonly limit?: number;
  },
): Promise<{ items: ConsentView[]; nextCursor: string | null }> {
  const limit = Math.min(query.limit ?? 50, MAX_CONSENTS_PAGE);
  const day = establishmentDay(context.clock());
  const folded = foldForSearch(query.q ?? '');
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await listConsents(context.storage.db, establishmentId, {
    limit: limit + 1,
    filter: query.state ?? 'all',
    day,
    ...(folded === '' ? {} : { namePattern: containsPattern(folded) }),
    ...(after === undefined ? {} : { after }),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => consentView(row, day)),
    nextCursor:
      rows.length > limit && last !== undefined
        ? Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url')
        : null,
  };
}

/**
 * Records a withdrawal. From now on the consent covers nothing: the drafts relying on it can be
 * neither approved nor published; what was scheduled from them is cancelled; every post already
 * published with the person is flagged for taking down, and the communication team is told by
 * e-mail. Withdrawing twice is refused (the first withdrawal is the one that counts).
 */
export async function withdrawConsent(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  consentId: string,
  reason: string,
): Promise<ConsentDetail> {
  await inUnit(context, async (unit) => {
    const consent = await findConsent(unit.trx, establishmentId, consentId);
    if (consent === undefined) throw notFound();
    const now = unit.now.toISOString();
    const changed = await markWithdrawn(unit.trx, consentId, {
      withdrawn_at: now,
      withdrawn_by: actor.id,
      withdrawal_reason: reason.trim(),
    });
    if (!changed) throw conflict('deja_retire', 'Ce consentement a déjà été retiré.');
    const drafts = await draftsOfConsent(unit.trx, consentId);
    let cancelled = 0;
    for (const draft of drafts)
      cancelled += await cancelPending(unit.trx, draft.id, 'annulée : un consentement a été retiré');
    // Online or going online: through the drafts relying on it now, and through what each
    // publication went out with (the draft's people may have changed since).
    const affected = new Map<string, { id: string; network: string; status: string; url: string | null }>();
    for (const publication of [
      ...(await publicationsOfDrafts(
        unit.trx,
        drafts.map((draft) => draft.id),
      )),
      ...(await publicationsOfConsent(unit.trx, consentId)),
    ])
      if (publication.status === 'published' || publication.status === 'publishing')
        affected.set(publication.id, publication);
    const flagged = [...affected.values()];
    const published = flagged.filter((publication) => publication.status === 'published');
    await insertTakedowns(
      unit.trx,
      flagged.map((publication) => ({
        id: randomUUID(),
        establishment_id: establishmentId,
        publication_id: publication.id,
        consent_id: consentId,
        flagged_at: now,
        resolved_at: null,
        resolved_by: null,
      })),
    );
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.consent.withdraw',
      targetType: 'publishing_consent',
      targetId: consentId,
      detail: { drafts: drafts.length, cancelledPublications: cancelled, flaggedPosts: flagged.length },
    });
    if (drafts.length > 0 || flagged.length > 0) {
      const titles = drafts.map((draft) => `- ${draft.title}`).join('\n');
      const online = published.map((p) => `- ${p.network} : ${p.url ?? '(adresse inconnue)'}`).join('\n');
      const recipients = await memberEmails(unit.trx, establishmentId, PUBLISHING_WRITE_ROLES);
      unit.afterCommit((ctx) =>
        deliver(ctx, {
          to: recipients,
          subject: 'Consentement retiré : des publications sont à revoir',
          text:
            `Un consentement enregistré le ${frenchDate(consent.given_on)} vient d’être retiré. ` +
            (drafts.length > 0 ? `Ces publications s’appuyaient sur lui :\n${titles}\n\n` : '') +
            (published.length > 0
              ? `Publications en ligne à retirer des réseaux :\n${online}\n\n`
              : 'Aucune n’était encore en ligne.\n\n') +
            (flagged.length > published.length
              ? `${flagged.length - published.length} publication(s) en cours d’envoi : elles apparaîtront dans le registre si elles sont mises en ligne.\n\n`
              : '') +
            (cancelled > 0 ? `${cancelled} publication(s) programmée(s) ont été annulées.\n\n` : '') +
            `Le registre : ${ctx.config.publicUrl}/publier/consentements/${consentId}\n`,
        }).then(() => undefined),
      );
    }
  });
  return readConsent(context, establishmentId, consentId);
}

export async function listOpenTakedowns(
  context: AppContext,
  establishmentId: string,
): Promise<TakedownView[]> {
  const rows = await listTakedowns(context.storage.db, establishmentId, { open: true, limit: 200 });
  return rows.map(takedownView);
}

/** Marks a flagged post as taken down from its network (the desk did it on the network itself). */
export async function resolveTakedownFor(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  takedownId: string,
): Promise<void> {
  await inUnit(context, async (unit) => {
    const outcome = await resolveTakedown(unit.trx, establishmentId, takedownId, {
      resolved_at: unit.now.toISOString(),
      resolved_by: actor.id,
    });
    if (outcome === 'missing') throw notFound();
    if (outcome === 'already')
      throw conflict('deja_retiree', 'Cette publication est déjà marquée comme retirée.');
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.takedown.resolve',
      targetType: 'publishing_takedown',
      targetId: takedownId,
      detail: {},
    });
  });
}

export function consentView(row: ConsentRow, day: string): ConsentView {
  const terms = consentTerms(row);
  return {
    id: row.id,
    personName: row.person_name,
    personKind: row.person_kind,
    uses: [...terms.uses],
    networks: terms.networks.filter((n): n is PublishingNetwork =>
      (PUBLISHING_NETWORKS as readonly string[]).includes(n),
    ),
    purpose: row.purpose,
    signatory: row.signatory,
    givenOn: row.given_on,
    expiresOn: row.expires_on,
    state: consentState(terms, day),
    form: { mediaType: row.form_type, byteSize: row.form_bytes, sha256: row.form_sha256 },
    createdBy: row.created_by,
    createdAt: row.created_at,
    withdrawal:
      row.withdrawn_at === null
        ? null
        : { at: row.withdrawn_at, by: row.withdrawn_by ?? '', reason: row.withdrawal_reason ?? '' },
  };
}

function takedownView(row: TakedownRow): TakedownView {
  return {
    id: row.id,
    consentId: row.consent_id,
    personName: row.person_name,
    publicationId: row.publication_id,
    network: row.network,
    url: row.url,
    draftId: row.draft_id,
    draftTitle: row.title,
    flaggedAt: row.flagged_at,
    resolvedAt: row.resolved_at,
  };
}

function checkDates(givenOn: string, expiresOn: string): void {
  if (expiresOn < givenOn)
    throw badRequest('dates_incoherentes', 'La date de fin du consentement précède sa date de signature.', [
      { field: 'expiresOn', message: 'avant la date de signature' },
    ]);
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // Falls through to the refusal below.
  }
  throw badRequest(
    'curseur_invalide',
    'Ce curseur de page n’est pas valable : repartez de la première page.',
  );
}
