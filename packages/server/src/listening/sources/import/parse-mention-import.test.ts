import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error.js';
import { type MentionImportOptions, parseMentionImport } from './parse-mention-import.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const OPTIONS: MentionImportOptions = { now: () => new Date('2026-12-05T12:00:00Z') };

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('aucune erreur levée');
}

describe('CSV exports of other tools', () => {
  it('reads a comma-separated English export with ISO dates and multi-line quoted texts', () => {
    const result = parseMentionImport(fixture('talkwalker-like.csv'), 'csv', OPTIONS);
    expect(result.rejected).toEqual([]);
    expect(result.encoding).toBe('utf-8');
    expect(result.columns).toEqual({
      url: 'url',
      date: 'published',
      title: 'title',
      text: 'content',
      author: 'author_name',
      reach: 'reach',
      network: 'source_type',
    });
    expect(result.posts).toHaveLength(4);
    expect(result.posts[0]).toEqual({
      source: 'import',
      externalId: 'https://x.example/patient_vexe/status/1864712345678901234',
      url: 'https://x.example/patient_vexe/status/1864712345678901234',
      authorHandle: 'patient_vexe',
      authorKind: null,
      reach: 1284,
      text: "Encore 6h d'attente aux urgences du CHU de Valmont... \"on s'occupe de vous\" qu'ils disaient #CHUValmont",
      publishedAt: '2026-12-04T16:45:12.000Z',
    });
    expect(result.posts[1]).toMatchObject({
      authorHandle: 'Claire Vasseur',
      authorKind: 'press',
      reach: 45200,
      text:
        'Urgences du CHU de Valmont : jusqu’à 9 heures d’attente\n\n' +
        'Plusieurs patients ont témoigné d’une attente de près de 9 heures.\nLa direction évoque une affluence exceptionnelle.',
    });
    expect(result.posts[2]).toMatchObject({
      reach: null,
      authorKind: null,
      text: expect.stringContaining('👍\nMerci'),
    });
  });

  it('reads a French Excel export: BOM, semicolons, CRLF, French names and dates, and rejects bad rows by line', () => {
    const result = parseMentionImport(fixture('mention-like-fr.csv'), 'csv', OPTIONS);
    expect(result.columns).toEqual({
      date: 'Date',
      time: 'Heure',
      author: 'Auteur',
      reach: 'Abonnés',
      network: 'Réseau',
      text: 'Texte',
      url: 'Lien',
    });
    expect(
      result.posts.map((post) => [post.authorHandle, post.reach, post.authorKind, post.publishedAt]),
    ).toEqual([
      ['@marie_l', 12300, null, '2026-12-04T13:30:00.000Z'],
      ['La Gazette de Valmont', null, 'press', '2026-12-04T17:05:00.000Z'],
      ['Jean-Pierre D.', null, null, '2026-12-05T07:12:00.000Z'],
    ]);
    expect(result.posts[0]?.text).toBe(
      'Le parking du CHU de Valmont est encore plein; 40 min pour trouver une place !',
    );
    // The cell with a line break keeps it, in the form stored everywhere (\n).
    expect(result.posts[2]?.text).toBe(
      'Ma mère attend depuis hier soir aux urgences, sur un brancard.\nPersonne ne nous dit rien.',
    );
    // No link: an id from the author, the text and the date.
    expect(result.posts[2]?.externalId).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(result.rejected).toEqual([
      { line: 5, message: 'ligne 5 : la date « 31/02/2026 » n’existe pas' },
      {
        line: 6,
        message:
          'ligne 6 : le lien « javascript:alert(1) » n’est pas une adresse http(s) valide ; le nombre d’abonnés « abc » n’est pas un nombre',
      },
      { line: 7, message: 'ligne 7 : la date « 05/12/26 » doit avoir une année à quatre chiffres' },
      { line: 9, message: 'ligne 9 : le texte est vide' },
      { line: 10, message: 'ligne 10 : même publication que la ligne 2, ignorée' },
    ]);
  });

  it('skips the report lines some tools write before the header', () => {
    const result = parseMentionImport(fixture('brandwatch-like.csv'), 'csv', OPTIONS);
    expect(result.rejected).toEqual([]);
    expect(result.columns).toMatchObject({
      date: 'Date',
      title: 'Title',
      text: 'Full Text',
      network: 'Page Type',
    });
    expect(
      result.posts.map((post) => [post.authorHandle, post.reach, post.authorKind, post.publishedAt]),
    ).toEqual([
      ['u/valmontois_2', 3200, null, '2026-12-04T17:02:11.000Z'],
      ['Sophie Lemaire', 58000, 'press', '2026-12-04T19:45:00.000Z'],
      ['Thomas B', 1_200_000, null, '2026-12-05T06:30:00.000Z'],
    ]);
    expect(result.posts[0]?.text).toContain('la "fermeture" de la pédiatrie');
    expect(result.posts[2]?.url).toBe('https://www.youtube.example/watch?v=abc123&lc=UgxyZ');
  });

  it('converts a Windows-1252 file and says it did', () => {
    const result = parseMentionImport(fixture('excel-windows-1252.csv'), 'csv', OPTIONS);
    expect(result.encoding).toBe('windows-1252');
    expect(result.rejected).toEqual([]);
    expect(result.posts.map((post) => [post.text, post.publishedAt])).toEqual([
      [
        'L’accueil des urgences de Valmont, c’est 8 € le parking en plus de l’attente…',
        '2026-12-04T15:20:00.000Z',
      ],
      ['Très déçue de l’accueil, personne n’a répondu à mes questions.', '2026-12-04T16:05:00.000Z'],
    ]);
  });

  it('reads UTF-16 with its byte order mark (Excel « Texte Unicode », tab-separated)', () => {
    const text = 'Date\tAuteur\tTexte\r\n05/12/2026 09:00\t@a\tÉcrit en UTF-16 ✓\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const result = parseMentionImport(bytes, 'csv', OPTIONS);
    expect(result.encoding).toBe('utf-16le');
    expect(result.posts.map((post) => post.text)).toEqual(['Écrit en UTF-16 ✓']);
  });

  it('gives the same ids to the same file imported twice, so nothing is stored twice', () => {
    const once = parseMentionImport(fixture('mention-like-fr.csv'), 'csv', OPTIONS);
    const twice = parseMentionImport(fixture('mention-like-fr.csv'), 'csv', OPTIONS);
    expect(twice.posts.map((post) => post.externalId)).toEqual(once.posts.map((post) => post.externalId));
  });

  it('reads a string as well as bytes, with or without a BOM', () => {
    const text = '\uFEFFtexte,date\n"Bonjour, Valmont",2026-12-05T09:00:00Z\n';
    expect(parseMentionImport(text, 'csv', OPTIONS).posts.map((post) => post.text)).toEqual([
      'Bonjour, Valmont',
    ]);
  });
});

describe('JSON exports', () => {
  it('reads an array of objects with French keys, and rejects rows by the line they start on', () => {
    const result = parseMentionImport(fixture('mentions.json'), 'json', OPTIONS);
    expect(
      result.posts.map((post) => [
        post.authorHandle,
        post.reach,
        post.authorKind,
        post.publishedAt,
        post.url,
      ]),
    ).toEqual([
      ['@papy_bernard', 87, null, '2026-12-03T08:12:00.000Z', 'https://facebook.example/bernard/posts/2203'],
      [
        'La Gazette de Valmont',
        58000,
        'press',
        '2026-12-03T11:00:00.000Z',
        'https://gazette-valmont.example/actu/recrutement',
      ],
      ['anonyme', null, null, '2026-12-03T10:00:00.000Z', null],
    ]);
    expect(result.rejected).toEqual([
      { line: 18, message: 'ligne 18 : le texte est vide' },
      { line: 23, message: 'ligne 23 : un objet { … } est attendu' },
    ]);
    expect(result.columns).toMatchObject({ text: 'texte', date: 'publié le', reach: 'abonnés' });
  });

  it('reads JSON Lines, rejecting only the broken line', () => {
    const result = parseMentionImport(fixture('mentions.jsonl'), 'json', OPTIONS);
    expect(
      result.posts.map((post) => [post.authorHandle, post.reach, post.authorKind, post.publishedAt]),
    ).toEqual([
      ['tourist_uk', 312, null, '2026-12-02T19:30:00.000Z'],
      ['Mairie de Valmont', null, null, '2026-12-02T09:00:00.000Z'],
      ['Radio Côte', 1200, 'press', '2026-12-02T07:00:00.000Z'],
    ]);
    expect(result.rejected).toEqual([{ line: 3, message: 'ligne 3 : cette ligne n’est pas du JSON valide' }]);
  });

  it('reads a list wrapped in an object, a single object, and refuses nested values clearly', () => {
    const wrapped = JSON.stringify(
      {
        meta: { terms: ['valmont'] },
        data: [
          { text: 'un', date: '2026-12-01T10:00:00Z' },
          { text: 'deux', date: '2026-12-01T11:00:00Z' },
        ],
      },
      null,
      2,
    );
    const result = parseMentionImport(wrapped, 'json', OPTIONS);
    expect(result.posts.map((post) => post.text)).toEqual(['un', 'deux']);
    expect(
      parseMentionImport('{"text":"seul","date":"2026-12-01T10:00:00Z"}', 'json', OPTIONS).posts,
    ).toHaveLength(1);
    const nested = parseMentionImport('[{"text":{"fr":"x"},"date":"2026-12-01T10:00:00Z"}]', 'json', OPTIONS);
    expect(nested.rejected).toEqual([
      {
        line: 1,
        message: 'ligne 1 : le champ « text » contient un objet : un texte ou un nombre est attendu',
      },
    ]);
  });

  it('refuses a broken JSON array as a whole, pointing at the line', () => {
    const error = importError(() =>
      parseMentionImport('[\n{"text":"a","date":"2026-12-01T10:00:00Z"},\n{"text":"b",\n', 'json', OPTIONS),
    );
    expect(error.code).toBe('json_invalide');
    expect(error.message).toMatch(
      /^Le fichier JSON est invalide \(ligne \d\) : vérifiez qu’il est complet\.$/,
    );
    expect(importError(() => parseMentionImport('texte,date', 'json', OPTIONS)).message).toBe(
      'Le fichier ne commence ni par « [ » ni par « { » : ce n’est pas du JSON.',
    );
  });
});

describe('limits and files that cannot be read', () => {
  it('refuses a file over the size limit before reading it', () => {
    const error = importError(() =>
      parseMentionImport(Buffer.alloc(2_000_001, 0x41), 'csv', { ...OPTIONS, maxBytes: 2_000_000 }),
    );
    expect([error.code, error.message]).toEqual([
      'fichier_trop_volumineux',
      'Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers.',
    ]);
  });

  it('refuses a file with more rows than allowed, blank rows not counted', () => {
    const rows = (n: number) =>
      `texte;date\n${Array.from({ length: n }, (_, i) => `message ${i};05/12/2026 10:00\n\n`).join('')}`;
    expect(parseMentionImport(rows(3), 'csv', { ...OPTIONS, maxRows: 3 }).posts).toHaveLength(3);
    const error = importError(() => parseMentionImport(rows(4), 'csv', { ...OPTIONS, maxRows: 3 }));
    expect([error.code, error.message]).toEqual([
      'trop_de_lignes',
      'Le fichier contient plus de 3 lignes : découpez-le en plusieurs fichiers.',
    ]);
    const json = JSON.stringify(
      Array.from({ length: 4 }, () => ({ text: 'x', date: '2026-12-01T10:00:00Z' })),
    );
    expect(importError(() => parseMentionImport(json, 'json', { ...OPTIONS, maxRows: 3 })).code).toBe(
      'trop_de_lignes',
    );
  });

  it('rejects a text over the length limit, with both lengths', () => {
    const text = `texte;date\n${'é'.repeat(12_345)};05/12/2026 10:00\n`;
    expect(parseMentionImport(text, 'csv', OPTIONS).rejected).toEqual([
      { line: 2, message: 'ligne 2 : le texte dépasse 10\u202F000 caractères (12\u202F345)' },
    ]);
  });

  it('refuses a file without a recognisable header, showing what it read', () => {
    const error = importError(() =>
      parseMentionImport('nom;prénom;ville\nDupont;Jean;Valmont\n', 'csv', OPTIONS),
    );
    expect([error.code, error.message]).toEqual([
      'en_tete_introuvable',
      'Aucune ligne d’en-tête reconnue : il faut une colonne de texte (texte, text, content ou message) et une colonne de date (date, published ou publié le). Première ligne lue : « nom », « prénom », « ville ».',
    ]);
    expect(importError(() => parseMentionImport('\n\n', 'csv', OPTIONS)).message).toBe(
      'Le fichier est vide.',
    );
  });

  it('refuses an unterminated quote after the header', () => {
    const error = importError(() => parseMentionImport('texte,date\n"ouvert,2026-12-01\n', 'csv', OPTIONS));
    expect(error.code).toBe('csv_invalide');
  });

  it('refuses workbooks, PDFs and binary files with the way out', () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect(importError(() => parseMentionImport(xlsx, 'csv', OPTIONS)).message).toBe(
      'Ce fichier est un classeur (.xlsx ou .ods) ou une archive ZIP, pas un export CSV ou JSON : dans le tableur, choisissez « Enregistrer sous… » puis « CSV UTF-8 ».',
    );
    expect(importError(() => parseMentionImport(Buffer.from('%PDF-1.7\n'), 'csv', OPTIONS)).code).toBe(
      'format_non_reconnu',
    );
    expect(
      importError(() => parseMentionImport(Buffer.from('texte\u0000date', 'latin1'), 'csv', OPTIONS)).code,
    ).toBe('encodage');
    const badUtf8WithBom = Buffer.from([0xef, 0xbb, 0xbf, 0x74, 0xe9, 0x0a]);
    expect(importError(() => parseMentionImport(badUtf8WithBom, 'csv', OPTIONS)).code).toBe('encodage');
  });

  it('refuses an unknown time zone', () => {
    expect(
      importError(() => parseMentionImport('texte,date', 'csv', { ...OPTIONS, timeZone: 'Europe/Valmont' }))
        .message,
    ).toBe('Fuseau horaire inconnu : Europe/Valmont.');
  });

  it('cleans what a database would refuse: NUL characters and lone surrogates', () => {
    const result = parseMentionImport(
      '[{"text":"a\\u0000b\\ud800c","date":"2026-12-01T10:00:00Z","author":"x\\u202Ey"}]',
      'json',
      OPTIONS,
    );
    expect(result.posts[0]).toMatchObject({ text: 'ab\uFFFDc', authorHandle: 'xy' });
  });
});
