import { describe, expect, it } from 'vitest';
import { type ConditionStats, deriveConditionPhrases, parseCim10Rows } from './condition-heads.js';
import { loadConditionStoplist } from './load.js';

// Labels written like CIM-10 ones (not copied from the shipped file).
const ROWS: Array<readonly [string, string]> = [
  ['Fracture du col du fémur', 'cim10:S720'],
  ['Fracture de la rotule, fermée', 'cim10:S820'],
  ['Fractures multiples de côtes', 'cim10:S224'],
  ['Insuffisance rénale aiguë', 'cim10:N17'],
  ['Insuffisance rénale chronique, stade 5', 'cim10:N185'],
  ['Insuffisance rénale terminale', 'cim10:N180'],
  ['Syndrome de Down, sans précision', 'cim10:Q909'],
  ['Syndrome néphrotique', 'cim10:N04'],
  ['Examen de la vue et de l’audition', 'cim10:Z010'],
  ['Difficultés liées au logement', 'cim10:Z59'],
  ['Chute de plain-pied, domicile', 'cim10:W01'],
  ['Passager d’un autobus blessé dans une collision', 'cim10:V70'],
  ['Goutte idiopathique - Genou', 'cim10:M100'],
  ['Goutte saturnine - Main', 'cim10:M101'],
  ['Tumeur maligne du sein, sans précision', 'cim10:C509'],
  ['Tumeur maligne du poumon', 'cim10:C349'],
  ['Tumeurs malignes des os', 'cim10:C40'],
  ['Pneumopathie due à des staphylocoques', 'cim10:J152'],
  ['Pneumopathie due à des streptocoques', 'cim10:J153'],
  ['Pneumopathie due à Klebsiella', 'cim10:J150'],
  ['Giardiase [lambliase]', 'cim10:A071'],
  ['Absence de couverture sociale', 'cim10:Z597'],
  ['Greffe de rein', 'cim10:Z940'],
  ['Troubles précisés du sommeil', 'cim10:G478'],
  [
    'Tremblement essentiel familial, avec une très longue description de qualificatifs inutiles',
    'cim10:G250',
  ],
];

function phrases(rows = ROWS, stats?: ConditionStats): Map<string, string> {
  return new Map(
    deriveConditionPhrases(rows, loadConditionStoplist(), stats).map(([phrase, term]) => [
      phrase,
      term.source,
    ]),
  );
}

describe('deriveConditionPhrases', () => {
  const derived = phrases();

  it('keeps short labels whole and their head noun alone', () => {
    expect(derived.get('fracture du col du femur')).toBe('cim10:S720');
    expect(derived.get('fracture')).toBe('cim10:S820'); // the shortest label headed by it
    expect(derived.get('pneumopathie')).toBeDefined();
  });

  it('adds shared noun + adjective prefixes, never a prefix cut before its complement', () => {
    expect(derived.get('insuffisance renale')).toBe('cim10:N17');
    expect(derived.get('insuffisance renale chronique')).toBe('cim10:N185');
    expect(derived.has('pneumopathie due')).toBe(false);
    expect(derived.has('pneumopathie due a des')).toBe(false);
  });

  it('adds number variants checked against the CIM-10 vocabulary', () => {
    expect(derived.get('fractures')).toBeDefined();
    expect(derived.get('tumeur maligne des os')).toBe('cim10:C40');
    expect(derived.has('fractures multiple de cotes')).toBe(false);
  });

  it('does not keep generic heads alone, but keeps their phrases', () => {
    expect(derived.has('syndrome')).toBe(false);
    expect(derived.has('insuffisance')).toBe(false);
    expect(derived.get('syndrome de down')).toBe('cim10:Q909');
    expect(derived.get('syndrome nephrotique')).toBe('cim10:N04');
  });

  it('drops everyday words used as heads, and non-conditions entirely', () => {
    expect(derived.has('goutte')).toBe(false);
    expect(derived.get('goutte idiopathique')).toBe('cim10:M100');
    expect(derived.has('examen de la vue')).toBe(false);
    expect(derived.has('difficultes liees au logement')).toBe(false);
    expect(derived.has('difficultes')).toBe(false);
  });

  it('skips social circumstances of chapter Z but keeps states such as a transplant', () => {
    expect(derived.has('absence de couverture sociale')).toBe(false);
    expect(derived.get('greffe de rein')).toBe('cim10:Z940');
  });

  it('never ends a phrase on a coding qualifier', () => {
    expect(derived.has('troubles precises')).toBe(false);
    expect(derived.has('troubles')).toBe(false);
  });

  it('skips the external-causes chapters', () => {
    expect(derived.has('chute de plain-pied')).toBe(false);
    expect(derived.has('chute')).toBe(false);
    expect(derived.has('passager')).toBe(false);
  });

  it('keeps bracketed synonyms', () => {
    expect(derived.get('giardiase')).toBe('cim10:A071');
    expect(derived.get('lambliase')).toBe('cim10:A071');
  });

  it('reports kept heads with their label counts', () => {
    const stats: ConditionStats = { heads: new Map() };
    phrases(ROWS, stats);
    expect(stats.heads.get('fracture')).toBe(2);
    expect(stats.heads.get('pneumopathie')).toBe(3);
    expect(stats.heads.has('syndrome')).toBe(false);
  });

  it('gives only folded, space-joined phrases', () => {
    for (const phrase of derived.keys()) {
      expect(phrase).toBe(phrase.toLowerCase());
      expect(phrase).not.toMatch(/[éèàç’]|\s{2}|^\s|\s$/);
    }
  });
});

describe('parseCim10Rows', () => {
  it('reads label/source lines and skips external causes without splitting them', () => {
    const text = 'Choléra\tcim10:A00\nChute dans un escalier\tcim10:W10\n\nGreffe de rein\tcim10:Z940\n';
    expect(parseCim10Rows(text)).toEqual([
      ['Choléra', 'cim10:A00'],
      ['Greffe de rein', 'cim10:Z940'],
    ]);
  });
});
