import { wordSet } from './word-set.js';

/**
 * Folded words that are drug names (or parts of drug names) in Romedi but everyday words in a
 * post: matched case-insensitively they would flag "un gel", "de la vaseline", "du zinc",
 * "un drill", "la dopamine". Reviewed against every drug name of 4 letters or more that is
 * also a French dictionary word, and against every multi-word name made only of dictionary
 * words (French word list wfrench). A multi-word name made only of these words ("eau oxygenee",
 * "vitamine c", "feuille de saule") is dropped too.
 */
const ORDINARY_DRUG_WORDS = wordSet(`
  // Elements, salts and everyday substances.
  acide adrenaline air albumine alcool alfa argent azote bicarbonate cafeine calcium carbonate
  charbon chlorhydrate chlorure citrate cobalt cuivre cystine diastase dopamine eau ether fluor
  fluorure gaz glucose glycerine glycerol hydroxyde immunoglobuline iodure lactique levulose
  lithium magnesium manganese nicotine nitrate nitroglycerine oxyde oxygene oxygenee paraffine
  phenol phosphate phosphore potassium progesterone propanol protoxyde selenium sels sodium
  sorbitol soufre sulfate testosterone vaseline vitamine vitamines xenon zinc
  // Plants and foods.
  arnica cassis citron essence fruit ginkgo ginseng herbe huile lierre menthe miel orange pollen
  reglisse saule
  // Forms, packaging and generic pharmacy words.
  baume collyre comprime comprimes creme dragees feuille gel larmes artificielles liquide
  medicinal medicinale pastilles pommade sirop solution spray sterilisee suppositoire
  suppositoires teinture tulle vaccin
  // Everyday words, symptoms and qualifiers used in product names.
  algerienne allergie bebe control cor cyclo daily douce durillon estima fort fractal fraiche
  glaciale gorge gras grippal jour lumiere maux nuit para plus pneumo pret refresh retard rhume
  seche simple special tout toux
  // Brands that read as an English or French word, or a name, in a post.
  antigone drill ideos minerva
`);

export function isOrdinaryDrugWord(word: string): boolean {
  return ORDINARY_DRUG_WORDS.has(word);
}
