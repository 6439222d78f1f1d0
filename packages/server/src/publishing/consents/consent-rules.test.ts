import { describe, expect, it } from 'vitest';
import {
  anonymousPeopleReason,
  type ConsentTerms,
  consentCovers,
  consentedNames,
  consentState,
  frenchDate,
  peopleProblems,
} from './consent-rules.js';
import { establishmentDay } from './establishment-day.js';

const MORVAN: ConsentTerms = {
  id: 'c1',
  personName: 'Pr Hélène Morvan',
  personKind: 'staff',
  uses: ['name'],
  networks: ['bluesky'],
  givenOn: '2026-10-15',
  expiresOn: '2026-12-31',
  withdrawnAt: null,
};

describe('consent rules', () => {
  it('counts a consent from its first day to its last, both included, until withdrawn', () => {
    expect(consentState(MORVAN, '2026-10-14')).toBe('not_yet');
    expect(consentState(MORVAN, '2026-10-15')).toBe('valid');
    expect(consentState(MORVAN, '2026-12-31')).toBe('valid');
    expect(consentState(MORVAN, '2027-01-01')).toBe('expired');
    expect(consentState({ ...MORVAN, withdrawnAt: '2026-11-01T10:00:00Z' }, '2026-11-02')).toBe('withdrawn');
  });

  it('covers only its uses and networks; no network listed means all of them', () => {
    expect(consentCovers(MORVAN, 'name', 'bluesky', '2026-11-01')).toBe(true);
    expect(consentCovers(MORVAN, 'name', 'facebook', '2026-11-01')).toBe(false);
    expect(consentCovers(MORVAN, 'image', 'bluesky', '2026-11-01')).toBe(false);
    expect(consentCovers({ ...MORVAN, networks: [] }, 'name', 'tiktok', '2026-11-01')).toBe(true);
    expect(consentedNames([MORVAN], 'bluesky', '2026-11-01')).toEqual(['Pr Hélène Morvan']);
    expect(consentedNames([MORVAN], 'bluesky', '2027-01-01')).toEqual([]);
  });

  it('asks for the photos on every network unless they show nobody', () => {
    const shown = { ...MORVAN, id: 'c2', uses: ['image' as const], networks: ['bluesky'] };
    const base = {
      networks: ['bluesky', 'x'] as const,
      media: [null],
      nobodyShown: false,
      day: '2026-11-01',
    };
    expect(peopleProblems({ ...base, consents: [shown] }).map((p) => p.field)).toEqual(['x.media']);
    expect(peopleProblems({ ...base, consents: [], nobodyShown: true })).toEqual([]);
    expect(peopleProblems({ ...base, consents: [], media: [] })).toEqual([]);
    const problems = peopleProblems({ ...base, media: [], consents: [MORVAN], day: '2027-01-02' });
    expect(problems).toEqual([
      { field: 'consents.c1', message: 'le consentement de Pr Hélène Morvan a expiré le 31 décembre 2026' },
    ]);
  });

  it('holds a « nobody shown » statement that the image guard contradicts, and a photo whose background names a patient', () => {
    const shown = { ...MORVAN, id: 'c2', uses: ['image' as const], networks: ['bluesky'] };
    const base = { networks: ['bluesky', 'x'] as const, nobodyShown: true, day: '2026-11-01' };
    const twoFaces = { faces: 2, backgroundRules: [], backgroundBlocks: false };
    const board = { faces: 0, backgroundRules: ['IMAGE-02', 'SECRET-01'], backgroundBlocks: true };
    const clear = { faces: 0, backgroundRules: [], backgroundBlocks: false };
    expect(peopleProblems({ ...base, consents: [], media: [clear, null] })).toEqual([]);
    const faces = peopleProblems({ ...base, consents: [shown], media: [clear, twoFaces] });
    expect(faces.map((p) => p.field)).toEqual(['x.media']);
    expect(faces[0]?.message).toMatch(/^le garde voit 2 visages sur les photos/);
    const background = peopleProblems({ ...base, consents: [], media: [clear, board] });
    expect(background).toEqual([
      {
        field: 'media.1',
        message:
          'photo 2 : un nom ou une information sur un patient se lit à l’arrière-plan (IMAGE-02, SECRET-01) ; remplacez-la par sa copie sûre',
      },
    ]);
    // What goes to the audit log and by e-mail names nobody, and says what holds the post.
    expect(anonymousPeopleReason([...background, ...faces])).toBe(
      'une photo laisse lire un nom ou une information sur un patient à l’arrière-plan ; photo ou vidéo sans consentement pour ce réseau ni déclaration « personne de reconnaissable »',
    );
  });

  it('reads the day in Paris, where consents are signed', () => {
    expect(establishmentDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(establishmentDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(establishmentDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(frenchDate('2026-11-02')).toBe('2 novembre 2026');
  });
});
