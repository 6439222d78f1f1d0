import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * @accounts. Every handle is a candidate; accounts of institutions and media ("@CHU_Valmont",
 * "@OuestInfo_fr", "@SantePubliqueFr") score low, because they expose nobody, and the
 * establishment's own names never count.
 */

const HANDLE = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?/gu;
const INSTITUTIONAL =
  /(?:^@(?:chu|chr|ch|aphp|ap_hp|hcl|ars|has|hopital|hopitaux|clinique|ehpad|sante|samu|sdis|prefet|prefecture|mairie|ville|gouv|mutuelle|cpam|ameli|user|url)|_?(?:info|infos|news|actu|officiel|official|fr|france|tv|radio|journal|presse|media|hopital|sante|chu|gouv)$)/iu;

export const handleRecognizer: Recognizer = {
  name: 'handle',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const own = (ctx.options.establishment?.names ?? []).map((name) => name.toLowerCase().replace(/^@/u, ''));
    const spans: Span[] = [];
    for (const match of doc.text.matchAll(HANDLE)) {
      const handle = match[0];
      const bare = handle.slice(1).toLowerCase();
      if (own.includes(bare)) continue;
      const institutional = INSTITUTIONAL.test(handle);
      spans.push({
        type: 'HANDLE',
        start: match.index,
        end: match.index + handle.length,
        score: institutional ? 0.3 : 0.8,
        recognizer: 'handle',
        evidence: institutional ? 'compte institutionnel' : 'compte d’une personne',
      });
    }
    return spans;
  },
};
