import { describe, expect, it } from 'vitest';
import { importFormat, importSummary, SHOWN_REJECTIONS, shownRejections } from './import-summary';

const refused = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    line: index + 2,
    message: `ligne ${index + 2} : date impossible`,
  }));

describe('the summary of an import', () => {
  it('says in French what became of every line, plurals agreed', () => {
    expect(
      importSummary({ received: 120, stored: 97, duplicates: 3, unmatched: 15, rejected: refused(5) }, 'fr'),
    ).toBe('120 lignes lues, 97 mentions enregistrées, 3 déjà connues, 15 sans terme surveillé, 5 refusées');
  });

  it('keeps 0 and 1 in the singular, as French does', () => {
    expect(importSummary({ received: 1, stored: 1, duplicates: 0, unmatched: 0, rejected: [] }, 'fr')).toBe(
      '1 ligne lue, 1 mention enregistrée, 0 déjà connue, 0 sans terme surveillé, 0 refusée',
    );
    expect(
      importSummary({ received: 2, stored: 0, duplicates: 1, unmatched: 0, rejected: refused(1) }, 'fr'),
    ).toBe('2 lignes lues, 0 mention enregistrée, 1 déjà connue, 0 sans terme surveillé, 1 refusée');
  });

  it('writes thousands the French way', () => {
    expect(
      importSummary({ received: 12400, stored: 12400, duplicates: 0, unmatched: 0, rejected: [] }, 'fr'),
    ).toMatch(/^12\u202f400 lignes lues, 12\u202f400 mentions enregistrées/);
  });

  it('has an English sentence too, where 0 is plural', () => {
    expect(importSummary({ received: 0, stored: 1, duplicates: 0, unmatched: 2, rejected: [] }, 'en')).toBe(
      '0 lines read, 1 mention stored, 0 already known, 2 without a watched term, 0 refused',
    );
  });
});

describe('the refused lines listed', () => {
  it('lists them all when there are few', () => {
    expect(shownRejections(refused(3))).toEqual({ shown: refused(3), more: 0 });
  });

  it('lists the first 50 and counts the rest', () => {
    const { shown, more } = shownRejections(refused(SHOWN_REJECTIONS + 12));
    expect(shown).toHaveLength(50);
    expect(shown[0]?.line).toBe(2);
    expect(more).toBe(12);
  });
});

describe('the format sent with the file', () => {
  it('sends the format chosen, whatever the file’s name', () => {
    expect(importFormat('csv', 'export.json')).toBe('csv');
    expect(importFormat('json', 'export')).toBe('json');
  });

  it('left automatic, lets the server read the extension, but names JSON lines as JSON', () => {
    expect(importFormat('auto', 'export.csv')).toBeUndefined();
    expect(importFormat('auto', 'export.json')).toBeUndefined();
    expect(importFormat('auto', 'EXPORT.JSONL')).toBe('json');
  });
});
