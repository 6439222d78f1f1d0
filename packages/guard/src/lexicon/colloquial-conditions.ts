/**
 * How people name conditions in posts when CIM-10 does not: abbreviations ("AVC", "BPCO"),
 * everyday names ("cancer", "crise cardiaque", "fausse couche"), eponyms used alone
 * ("Alzheimer") and the adjectives that describe a person by a condition ("diabetique",
 * "seropositive"). Written from French usage, each mapped to the CIM-10 code it stands for.
 * Ambiguous everyday words are left out on purpose: "enceinte" (a speaker, the hospital's
 * grounds), "dement" (also "il dément"), "cardiaque", "aveugle", "sourd".
 */
import type { HealthTerm } from './lexicon.js';
import { phraseKeys } from './phrase-matcher.js';

const COLLOQUIAL: ReadonlyArray<readonly [phrase: string, code: string]> = [
  // Cardio-vascular and neurological emergencies.
  ['avc', 'I64'],
  ['avc ischemique', 'I63'],
  ['avc hemorragique', 'I61'],
  ['attaque cerebrale', 'I64'],
  ['hemorragie cerebrale', 'I61'],
  ['rupture d’anevrisme', 'I60'],
  ['crise cardiaque', 'I21'],
  ['malaise cardiaque', 'I24'],
  ['arret cardiaque', 'I46'],
  ['arret cardio-respiratoire', 'I46'],
  ['infarctus', 'I21'],
  ['insuffisance cardiaque', 'I50'],
  ['mort cerebrale', 'G93'],
  ['etat vegetatif', 'R40'],
  ['crise d’epilepsie', 'G40'],
  ['crise convulsive', 'R56'],
  ['detresse respiratoire', 'R06'],
  ['choc septique', 'R57'],
  ['septicemie', 'A41'],
  // Cancers.
  ['cancer', 'C80'],
  ['cancers', 'C80'],
  ['cancer du sein', 'C50'],
  ['cancer du poumon', 'C34'],
  ['cancer de la prostate', 'C61'],
  ['cancer du colon', 'C18'],
  ['cancer colorectal', 'C18'],
  ['cancer du pancreas', 'C25'],
  ['cancer de l’ovaire', 'C56'],
  ['cancer du col de l’uterus', 'C53'],
  ['cancer de la peau', 'C44'],
  ['cancer du foie', 'C22'],
  ['cancer de l’estomac', 'C16'],
  ['cancer de la vessie', 'C67'],
  ['cancer du rein', 'C64'],
  ['cancer de la thyroide', 'C73'],
  ['tumeur au cerveau', 'C71'],
  ['metastases', 'C79'],
  ['metastase', 'C79'],
  // Infections.
  ['covid', 'U071'],
  ['covid-19', 'U071'],
  ['covid long', 'U099'],
  ['sida', 'B24'],
  ['vih', 'B24'],
  ['seropositif', 'Z21'],
  ['seropositive', 'Z21'],
  ['hepatite a', 'B15'],
  ['hepatite b', 'B16'],
  ['hepatite c', 'B171'],
  ['gastro', 'A09'],
  ['gastro-enterite', 'A09'],
  ['chlamydia', 'A56'],
  ['gonorrhee', 'A54'],
  ['blennorragie', 'A54'],
  ['variole du singe', 'B04'],
  ['mpox', 'B04'],
  ['bpco', 'J44'],
  // Chronic and neurological conditions.
  ['alzheimer', 'G30'],
  ['parkinson', 'G20'],
  ['maladie de charcot', 'G122'],
  ['sclerose en plaques', 'G35'],
  ['mucoviscidose', 'E84'],
  ['diabete de type 1', 'E10'],
  ['diabete de type 2', 'E11'],
  ['hernie discale', 'M51'],
  ['rupture du ligament croise', 'S835'],
  ['rupture des ligaments croises', 'S835'],
  ['traumatisme cranien', 'S06'],
  ['trauma cranien', 'S06'],
  ['polytraumatisme', 'T07'],
  ['polytrauma', 'T07'],
  ['brulure au troisieme degre', 'T303'],
  ['brulure au second degre', 'T302'],
  ['brulure au deuxieme degre', 'T302'],
  // Pregnancy.
  ['fausse couche', 'O03'],
  ['fausse-couche', 'O03'],
  ['grand premature', 'P072'],
  ['grande prematuree', 'P072'],
  // Mental health and addiction.
  ['burn-out', 'Z730'],
  ['burnout', 'Z730'],
  ['tentative de suicide', 'X84'],
  ['idees suicidaires', 'R458'],
  ['crise d’angoisse', 'F410'],
  ['crises d’angoisse', 'F410'],
  ['attaque de panique', 'F410'],
  ['crise de panique', 'F410'],
  ['trouble bipolaire', 'F31'],
  ['troubles bipolaires', 'F31'],
  ['overdose', 'T40'],
  ['surdose', 'T50'],
  ['alcoolisme', 'F10'],
  ['toxicomanie', 'F19'],
  ['addiction', 'F19'],
];

/** Adjectives and nouns naming a person by a condition; their plural is added too. */
const PERSON_DESCRIPTORS: ReadonlyArray<readonly [word: string, code: string]> = [
  ['diabetique', 'E14'],
  ['epileptique', 'G40'],
  ['asthmatique', 'J45'],
  ['alcoolique', 'F10'],
  ['toxicomane', 'F19'],
  ['schizophrene', 'F20'],
  ['bipolaire', 'F31'],
  ['autiste', 'F84'],
  ['trisomique', 'Q90'],
  ['hemiplegique', 'G81'],
  ['paraplegique', 'G82'],
  ['tetraplegique', 'G82'],
  ['polytraumatise', 'T07'],
  ['polytraumatisee', 'T07'],
  ['anorexique', 'F50'],
  ['boulimique', 'F50'],
  ['depressif', 'F32'],
  ['depressive', 'F32'],
  ['demente', 'F03'],
  ['obese', 'E66'],
  ['dialyse', 'Z992'],
  ['dialysee', 'Z992'],
];

/** The phrases as folded keys joined by spaces (ready for `createFoldedPhraseMatcher`). */
export function colloquialConditionPhrases(): Array<readonly [phrase: string, term: HealthTerm]> {
  const entries: Array<readonly [string, HealthTerm]> = [];
  const add = (phrase: string, code: string): void => {
    entries.push([phraseKeys(phrase).join(' '), { kind: 'condition', source: `colloquial:${code}` }]);
  };
  for (const [phrase, code] of COLLOQUIAL) add(phrase, code);
  for (const [word, code] of PERSON_DESCRIPTORS) {
    add(word, code);
    if (!/[sx]$/.test(word)) add(`${word}s`, code);
  }
  return entries;
}
