import { randomUUID } from 'node:crypto';
import type { WatchTermKind } from '../../db/schema.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { badRequest, conflict, notFound, unprocessable } from '../../http/problem.js';
import { foldForMatching } from './fold-for-matching.js';
import { termsChanged } from './matcher-cache.js';
import { deleteTerm, findTerm, insertTerm, listTerms, type WatchTermRow } from './term-repository.js';

export interface TermView {
  readonly id: string;
  readonly kind: WatchTermKind;
  readonly term: string;
  readonly createdAt: string;
}

/** Enough for a group's names, aliases, services and hashtags; a mistake (a pasted list) stops here. */
export const MAX_TERMS_PER_ESTABLISHMENT = 2_000;

const view = (row: WatchTermRow): TermView => ({
  id: row.id,
  kind: row.kind,
  term: row.term,
  createdAt: row.created_at,
});

/** The form the matcher compiles and duplicates are recognised by (fold-for-matching.ts). */
export function foldTerm(term: string): string {
  return foldForMatching(term);
}

export async function listWatchTerms(context: AppContext, establishmentId: string): Promise<TermView[]> {
  return (await listTerms(context.storage.db, establishmentId)).map(view);
}

/**
 * Adds a watch term (spaces tidied, a hashtag given its « # »). The same term of the same kind
 * twice, however written (« CHU Valmont », « chu  valmont »), is refused with a 409.
 */
export async function addWatchTerm(
  context: AppContext,
  establishmentId: string,
  actorId: string,
  input: { kind: WatchTermKind; term: string },
): Promise<TermView> {
  let term = input.term.trim().replace(/\s+/gu, ' ');
  if (input.kind === 'hashtag' && !term.startsWith('#')) term = `#${term}`;
  const folded = foldTerm(term);
  if (!/[\p{L}\p{N}]/u.test(folded)) {
    throw badRequest('terme_vide', 'Le terme doit contenir au moins une lettre ou un chiffre.', [
      { field: 'term', message: 'aucune lettre ni chiffre' },
    ]);
  }
  const row = await inUnit(context, async (unit) => {
    const count = (await listTerms(unit.trx, establishmentId)).length;
    if (count >= MAX_TERMS_PER_ESTABLISHMENT) {
      throw unprocessable(
        'trop_de_termes',
        `Un établissement peut surveiller au plus ${MAX_TERMS_PER_ESTABLISHMENT} termes : retirez-en avant d’en ajouter.`,
      );
    }
    const created: WatchTermRow = {
      id: randomUUID(),
      establishment_id: establishmentId,
      kind: input.kind,
      term,
      folded,
      created_at: unit.now.toISOString(),
    };
    if (!(await insertTerm(unit.trx, created))) {
      throw conflict('terme_en_double', `Le terme « ${term} » est déjà surveillé pour cet établissement.`);
    }
    await unit.audit({
      establishmentId,
      actorId,
      action: 'listening.term.add',
      targetType: 'watch_term',
      targetId: created.id,
      detail: { kind: created.kind, term: created.term },
    });
    return created;
  });
  termsChanged(context);
  return view(row);
}

export async function removeWatchTerm(
  context: AppContext,
  establishmentId: string,
  actorId: string,
  termId: string,
): Promise<void> {
  await inUnit(context, async (unit) => {
    const row = await findTerm(unit.trx, establishmentId, termId);
    if (row === undefined || !(await deleteTerm(unit.trx, establishmentId, termId))) throw notFound();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'listening.term.remove',
      targetType: 'watch_term',
      targetId: termId,
      detail: { kind: row.kind, term: row.term },
    });
  });
  termsChanged(context);
}
