import { describe, expect, it } from 'vitest';
import { committedPosts } from '../test-support/committed-posts.js';
import { fold } from '../text/fold.js';
import { DATE_GATES, DATE_PATTERNS } from './date-patterns.js';

/** One example per shape the patterns know, spelt the ways people write them. */
const CRAFTED = [
  'le 12 mars 2024',
  'samedi 1er fevr. 2025',
  'du 3 au 7 sept. et le douze janv',
  'vu le 12/03, puis le 02-04-24 et le 2024-03-12',
  'ce samedi soir dernier',
  "la nuit de samedi, le soir du 12, garde du premier, l'apres-midi du 3",
  "avant-hier, apres demain, aujourd'hui, auj matin, ajd",
  'ce week-end, cette nuit-la, ce we',
  'la semaine derniere, le week-end prochain, le mois precedent',
  'le we, le weekend',
  "l'autre soir, la veille, le lendemain, le surlendemain, tout a l'heure",
  'dans la nuit, en pleine nuit, au milieu de la nuit',
  'last saturday, last night, tonight, yesterday, on monday',
  '18h, 18 h 30, 2h47, 4h du matin, 3 heures du mat, 14:30',
  'a midi, vers minuit',
  "le soir de noel, la nuit du nouvel an, le jour de l'an, la saint-sylvestre, st-valentin, mardi gras, l'aid",
  "la rentree scolaire, les vacances de paques, le feu d'artifice du 14, la fete des meres",
  'journee mondiale du diabete, octobre rose, movember, mois sans tabac, dry january, mars bleu, septembre en or',
  'en mai, depuis mars 2019, nee en 1985, fin 2020',
];

describe('date pattern gates', () => {
  const posts = [...committedPosts(), ...CRAFTED].map(fold);

  it('let through every post in which their pattern matches', () => {
    const shut: string[] = [];
    const matched = new Set<string>();
    for (const folded of posts) {
      for (const [name, pattern] of Object.entries(DATE_PATTERNS)) {
        pattern.lastIndex = 0;
        if (!pattern.test(folded)) continue;
        matched.add(name);
        if (!DATE_GATES[name as keyof typeof DATE_PATTERNS](folded)) shut.push(`${name}: ${folded}`);
      }
    }
    expect(shut).toEqual([]);
    // The check means something only if every pattern matched somewhere.
    expect([...matched].sort()).toEqual(Object.keys(DATE_PATTERNS).sort());
  });

  it('keep most posts away from most patterns', () => {
    const sample = posts.slice(0, 2000);
    let opened = 0;
    for (const folded of sample) {
      for (const gate of Object.values(DATE_GATES)) if (gate(folded)) opened++;
    }
    expect(opened / (sample.length * Object.keys(DATE_GATES).length)).toBeLessThan(0.3);
  });
});
