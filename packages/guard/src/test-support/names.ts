import type { Lexicon } from '../lexicon/lexicon.js';
import { EMPTY_LEXICON } from './context.js';

/**
 * A small lexicon with a few real INSEE names and counts of the right order of magnitude, so that
 * name tests do not need the full gazetteers.
 */
export const NAMES_LEXICON: Lexicon = {
  ...EMPTY_LEXICON,
  firstNames: new Map([
    ['karima', 9000],
    ['kevin', 120000],
    ['josiane', 110000],
    ['nolan', 30000],
    ['jordan', 50000],
    ['sandrine', 280000],
    ['paulo', 3000],
    ['rose', 60000],
    ['pierre', 900000],
    ['claire', 200000],
    ['marie', 2200000],
    ['jeannette', 150000],
    ['helene', 350000],
    ['jean-claude', 300000],
    ['anais', 90000],
  ]),
  surnames: new Map([
    ['morel', 60000],
    ['ferreira', 30000],
    ['lemaire', 40000],
    ['leroux', 45000],
    ['blanc', 70000],
    ['petit', 200000],
    ['durand', 150000],
    ['martin', 500000],
  ]),
};
