import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../text/document.js';
import { foldKey } from '../text/fold.js';
import { dataFileUrl } from './data-files.js';
import type { HealthTerm } from './lexicon.js';
import { loadLexicon } from './load.js';
import type { PhraseMatcher } from './phrase-matcher.js';

const lexicon = loadLexicon();

function matched(matcher: PhraseMatcher<HealthTerm>, text: string): string[] {
  const doc = createDocument(text);
  return matcher.match(doc).map((m) => text.slice(m.start, m.end));
}

describe('data files', () => {
  const files = [
    'firstnames.tsv.gz',
    'surnames.tsv.gz',
    'cim10-labels.tsv.gz',
    'drugs.tsv.gz',
    'french-words.tsv.gz',
  ];

  it('are committed in the package and stay compact', () => {
    let total = 0;
    for (const file of files) {
      const path = fileURLToPath(dataFileUrl(file));
      expect(existsSync(path), file).toBe(true);
      total += statSync(path).size;
    }
    expect(total).toBeLessThan(3.5 * 1024 * 1024);
    expect(existsSync(fileURLToPath(dataFileUrl('PROVENANCE.md')))).toBe(true);
  });

  it('are found from the compiled module too (dist/lexicon is as deep as src/lexicon)', () => {
    const fromSource = fileURLToPath(dataFileUrl('drugs.tsv.gz'));
    const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
    const fromDist = fileURLToPath(
      new URL('../../data/drugs.tsv.gz', pathToFileURL(`${packageRoot}dist/lexicon/load.js`)),
    );
    expect(fromDist).toBe(fromSource);
  });
});

describe('loadLexicon', () => {
  it('loads once per process', () => {
    expect(loadLexicon()).toBe(lexicon);
    expect(lexicon.conditions).toBe(lexicon.conditions);
    expect(lexicon.drugs).toBe(lexicon.drugs);
  });

  it('knows first names with plausible birth counts, accent variants folded together', () => {
    expect(lexicon.firstNames.get('marie')).toBeGreaterThan(2_000_000);
    expect(lexicon.firstNames.get('jean')).toBeGreaterThan(1_500_000);
    expect(lexicon.firstNames.get('jean-pierre')).toBeGreaterThan(100_000);
    // "LÉO" and "LEO" are two INSEE rows; the folded key sums them.
    expect(lexicon.firstNames.get('leo')).toBeGreaterThan(100_000);
    expect(lexicon.firstNames.get('andre')).toBeGreaterThan(500_000);
    expect(lexicon.firstNames.get('andré')).toBeUndefined();
    expect(lexicon.firstNames.get('Marie')).toBeUndefined();
    expect(lexicon.firstNames.get('rarenamethatdoesnotexist')).toBeUndefined();
    expect(lexicon.firstNames.size).toBeGreaterThan(30_000);
  });

  it('knows surnames, including multi-word and elided ones', () => {
    expect(lexicon.surnames.get('martin')).toBeGreaterThan(200_000);
    const lebrun = lexicon.surnames.get('lebrun') ?? 0;
    expect(lebrun).toBeGreaterThan(15_000);
    expect(lebrun).toBeLessThan(40_000);
    expect(lexicon.surnames.get('le gall')).toBeGreaterThan(10_000);
    expect(lexicon.surnames.get("n'diaye")).toBeGreaterThan(1_000);
    expect(lexicon.surnames.get('lefevre')).toBeGreaterThan(10_000);
    expect(lexicon.surnames.size).toBeGreaterThan(200_000);
  });

  it('keys names exactly as the runtime folds them', () => {
    for (const key of lexicon.firstNames.keys()) expect(foldKey(key)).toBe(key);
    let i = 0;
    for (const key of lexicon.surnames.keys()) if (i++ % 10 === 0) expect(foldKey(key)).toBe(key);
  });
});

describe('French dictionary and name word lists', () => {
  it('are on the lexicon: word classes, lemmas, words that are not names', () => {
    expect(lexicon.lemmaOf?.('operees')).toBe('operer');
    expect(lexicon.wordClassesOf?.('avril').has('noun')).toBe(true);
    expect(lexicon.notNames?.has('mdr')).toBe(true);
    expect(lexicon.ambiguousNames?.has('happy')).toBe(true);
  });

  it('key the word lists as the runtime folds them', () => {
    for (const word of [...(lexicon.notNames ?? []), ...(lexicon.ambiguousNames ?? [])])
      expect(foldKey(word), word).toBe(word);
  });
});

describe('conditions', () => {
  const conditions = lexicon.conditions;

  it('are built from CIM-10 plus colloquial names', () => {
    expect(conditions.size).toBeGreaterThan(5_000);
  });

  it.each([
    ['il a fait un infarctus du myocarde la nuit derniere', 'infarctus du myocarde'],
    ['Fracture du col du fémur à 89 ans', 'Fracture du col du fémur'],
    ['grosse fracture de la cheville au ski', 'fracture'],
    ['son diabete est mal equilibre', 'diabete'],
    ['hospitalisé pour pneumopathie', 'pneumopathie'],
    ["transfert en neuro pour l'AVC du box 3", 'AVC'],
    ['elle se bat contre un cancer du sein 🎗️', 'cancer du sein'],
    ['ma grand-mère a Alzheimer', 'Alzheimer'],
    ['positif au covid 19 encore', 'covid 19'],
    ['embolie pulmonaire massive', 'embolie pulmonaire'],
    ['insuffisance rénale aigue', 'insuffisance rénale aigue'],
    ['le petit a une bronchiolite', 'bronchiolite'],
    ['patiente diabétique et épileptique', 'diabétique'],
    ['encore un burn out dans l’equipe', 'burn out'],
    ['elle a fait une fausse couche', 'fausse couche'],
    ['#leucemie #courage', 'leucemie'],
    ['crise d’épilepsie en salle d’attente', 'crise d’épilepsie'],
    ['une lésion au foie', 'lésion'],
  ])('finds the condition in "%s"', (text, expected) => {
    expect(matched(conditions, text)).toContain(expected);
  });

  it.each([
    'le',
    'la',
    'Rose et Pierre sont venus',
    'en marche pour le climat',
    'une chute des prix',
    'au travail',
    'une goutte de trop',
    'examen de fin d’année',
    'contact presse',
    'personne ne sait',
    'sous surveillance',
    'des difficultés de recrutement',
    'problèmes de parking',
    'le sujet du jour',
    'antécédents',
    'les effets de la réforme',
    'exposition photo',
    'accident de parcours',
    'troubles dans la ville',
    'autres',
    'en arrêt maladie',
    'le syndrome de la page blanche',
    'quelle fatigue',
    'trop de stress',
    'la douleur de partir',
    'un gros malaise dans l’équipe',
    'un coup de main',
    'la rage au ventre',
    'un petit mal de tête',
    'faible revenu et absence de couverture sociale',
    'des taches de rousseur',
    'un travail prolongé sur le dossier',
    'le calcul des primes',
  ])('does not see a condition in "%s"', (text) => {
    expect(matched(conditions, text)).toEqual([]);
  });

  it('cite their origin', () => {
    const doc = createDocument('fracture du col du femur, AVC');
    const sources = conditions.match(doc).map((m) => m.value);
    expect(sources[0]).toEqual({ kind: 'condition', source: 'cim10:S720' });
    expect(sources[1]).toEqual({ kind: 'condition', source: 'colloquial:I64' });
  });
});

describe('drugs', () => {
  const drugs = lexicon.drugs;

  it.each([
    ['2 DOLIPRANE et au lit', 'DOLIPRANE'],
    ['sous lasilix depuis hier', 'lasilix'],
    ['Levothyrox 75 le matin', 'Levothyrox'],
    ['risperdal 4mg', 'risperdal'],
    ['un petit xanax ?', 'xanax'],
    ['tramadol + paracétamol', 'tramadol + paracétamol'], // the combination is one product
    ['injection de Lovenox', 'Lovenox'],
    ['mis sous morphine', 'morphine'],
  ])('finds the drug in "%s"', (text, expected) => {
    expect(matched(drugs, text)).toContain(expected);
  });

  it.each([
    'un gel hydroalcoolique',
    'une solution simple',
    'de la vaseline',
    'du zinc et du calcium',
    'Diane et Jasmine sont infirmières',
    'Alma, Thaïs et Sylviane aussi',
    'un drill incendie',
    'daily meeting',
    'le cristal de Baccarat',
    'montée d’adrénaline',
    'un pneumo de garde',
    'art et culture à l’hôpital',
  ])('does not see a drug in "%s"', (text) => {
    expect(matched(drugs, text)).toEqual([]);
  });

  it('cite their ATC code', () => {
    const [hit] = drugs.match(createDocument('doliprane'));
    expect(hit?.value.kind).toBe('drug');
    expect(hit?.value.source).toMatch(/^atc:N02BE01/);
  });
});
