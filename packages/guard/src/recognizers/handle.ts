import type { GuardDocument } from '../text/document.js';
import { foldKey } from '../text/fold.js';
import type { Span } from '../types.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * @accounts. Every handle is a candidate; accounts of institutions and media ("@CHU_Valmont",
 * "@OuestInfo_fr", "@SantePubliqueFr") score low, because they expose nobody, and the
 * establishment's own names never count.
 */

const HANDLE = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?/gu;
// Institutions' and media accounts: a known prefix followed by a separator, a capital or a
// digit ("@CHU_Valmont", "@CHUValmont", "@ARS_IDF"), or a media word at the end ("@OuestInfo_fr").
// "@chloe_martin", "@hassan92" or "@julie_fr" must not look institutional.
const INSTITUTION_PREFIX =
  /^(?:chu|chr|chs|ch|aphp|ap_hp|hcl|ars|has|hopital|hopitaux|clinique|ehpad|samu|sdis|prefet|prefecture|mairie|ville|gouv|cpam|ameli)(?:[_.]|$)/u;
/** Institutions written in capitals and glued to their town: "@CHUValmont", "@APHP75". */
const INSTITUTION_CAPS = /^@(?:CHU|CHR|CHS|CH|ARS|HAS|SAMU|SDIS|APHP|CPAM|HCL)[A-Z0-9]/u;
/** Media and public bodies by the word their handle ends with ("@OuestInfo_fr", "@SantePubliqueFr"). */
const MEDIA =
  /(?:info|infos|news|actu|officiel|official|tv|radio|journal|presse|media|hopital|sante|publique|gouv)(?:_?fr)?$|^(?:user|url)$|^(?:info|infos|actu|news|journal|radio|tv)[_.]/u;

export const handleRecognizer: Recognizer = {
  name: 'handle',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const names: unknown = ctx.options.establishment?.names;
    const own = (Array.isArray(names) ? names : [])
      .filter((name): name is string => typeof name === 'string')
      .map((name) => foldKey(name).replace(/^@/u, ''));
    const spans: Span[] = [];
    for (const match of doc.text.matchAll(HANDLE)) {
      const handle = match[0];
      const bare = foldKey(handle.slice(1));
      if (own.includes(bare)) continue;
      const institutional =
        INSTITUTION_PREFIX.test(bare) || INSTITUTION_CAPS.test(handle) || MEDIA.test(bare);
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
