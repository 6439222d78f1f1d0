import { type AppContext, inUnit } from '../../http/context.js';
import { badRequest, notFound, Problem } from '../../http/problem.js';
import { findDraft, listVariants, replaceVariants, updateDraftAt } from '../draft-repository.js';
import {
  type Actor,
  asInput,
  type DraftView,
  newRevision,
  readDraft,
  readVariants,
  variantRows,
} from '../draft-service.js';
import { findConsent, replaceDraftConsents } from './consent-repository.js';
import { consentState } from './consent-rules.js';
import { consentTerms } from './consent-terms.js';
import { establishmentDay } from './establishment-day.js';

/**
 * Says who the post names or shows: the consents it relies on, and whether its photos show
 * nobody recognisable. A new revision (approvals reset, what was scheduled is cancelled): who
 * appears in a post is as much its content as its words. The guard reads the variants again,
 * since a name may now be consented to.
 *
 * Only consents of this establishment, in force today, may be linked: a withdrawn or expired
 * one would be refused at submission anyway, and saying so now spares the author a detour.
 */
export async function setDraftPeople(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  input: { readonly revision: number; readonly consentIds: readonly string[]; readonly nobodyShown: boolean },
): Promise<DraftView> {
  const db = context.storage.db;
  // The draft first: nothing is read (nor the guard spent) for another establishment's draft.
  if ((await findDraft(db, establishmentId, draftId)) === undefined) throw notFound();
  const ids = [...new Set(input.consentIds)];
  const day = establishmentDay(context.clock());
  const terms = [];
  const errors: { field: string; message: string }[] = [];
  for (const [i, id] of ids.entries()) {
    const row = await findConsent(db, establishmentId, id);
    if (row === undefined) {
      errors.push({ field: `consentIds.${i}`, message: 'consentement inconnu dans ce registre' });
      continue;
    }
    const consent = consentTerms(row);
    const state = consentState(consent, day);
    if (state !== 'valid')
      errors.push({
        field: `consentIds.${i}`,
        message: `le consentement de ${consent.personName} n’est pas en vigueur (${STATE_WORD[state]})`,
      });
    terms.push(consent);
  }
  if (errors.some((error) => error.message.startsWith('consentement inconnu')))
    throw badRequest('consentement_inconnu', 'Un consentement donné n’existe pas dans le registre.', errors);
  if (errors.length > 0)
    throw new Problem(
      422,
      'consentement_hors_vigueur',
      'Un consentement n’est pas en vigueur aujourd’hui.',
      errors,
    );

  const variants = await listVariants(db, [draftId]);
  const read = await readVariants(context, establishmentId, variants.map(asInput), terms);
  await inUnit(context, async (unit) => {
    const { revision, cancelled } = await newRevision(unit, establishmentId, actor, draftId, input.revision);
    await updateDraftAt(unit.trx, draftId, revision, { nobody_shown: input.nobodyShown ? 1 : 0 });
    await replaceDraftConsents(unit.trx, draftId, ids);
    if (read.length > 0)
      await replaceVariants(unit.trx, draftId, variantRows(draftId, read, unit.now.toISOString()));
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.draft.people',
      targetType: 'publishing_draft',
      targetId: draftId,
      detail: { revision, consents: ids, nobodyShown: input.nobodyShown, cancelledPublications: cancelled },
    });
  });
  return readDraft(context, establishmentId, actor, draftId);
}

const STATE_WORD = { withdrawn: 'retiré', expired: 'expiré', not_yet: 'pas encore commencé' } as const;
