/**
 * DEONTO-01 vocabulary: remedies, what they are said to cure, proven treatments and measures, and the
 * usual targets of health misinformation.
 * The lists are data: data/rules/<name>.txt, one phrase per line (see `word-lists.ts`).
 */
import { oneOf } from './conduct-text.js';
import { wordList } from './word-lists.js';

/** "Le jeûne" folds to "le jeune": the young doctor or patient is not a remedy. */
const FASTING =
  'jeune(?! (?:homme|hommes|femme|femmes|fille|filles|garcon|garcons|patient|patiente|medecin|interne|infirmier|infirmiere|enfant|public|soignant|soignante|collegue|diplome|diplomee|papa|maman|adulte|chirurgien|retraite|mere|pere|de |d\x27))';
export const REMEDY = `(?:${FASTING}|${oneOf(wordList('deonto-claim-remedy'))})`;
export const CURES = oneOf(wordList('deonto-claim-cures'));
export const DISEASE = oneOf(wordList('deonto-claim-disease'));

/** Proven treatments and measures, the usual targets of "ça ne sert à rien" and "remplace". */
export const TREATMENT = oneOf(wordList('deonto-claim-treatment'));
export const MEASURE = oneOf(wordList('deonto-claim-measure'));
export const USELESS =
  "(?:ne sert a rien|ne servent a rien|sert a rien|servent a rien|est inutile|sont inutiles|c'est inutile|c'est du business|c'est un business|un business|est du poison|sont du poison|c'est du poison|est un poison|une arnaque|est une arnaque|sont une arnaque|une escroquerie|c'est du vent|c'est bidon|tuent plus|tue plus)";

/** Classic targets of health misinformation (not recognised toxics such as tobacco or alcohol). */
export const MISINFO_AGENT = oneOf(wordList('deonto-claim-misinfo-agent'));
export const ORGAN = oneOf(wordList('deonto-claim-organ'));
/** Who, in a conspiracy post, hides the truth ("les oncologues ne vous le diront jamais"). */
export const HIDERS = oneOf(wordList('deonto-claim-hiders'));
