/** What listening reads from an export; every other column is ignored. */
export type ImportField = 'text' | 'title' | 'author' | 'date' | 'time' | 'url' | 'reach' | 'network';

/*
 * Column names as the tools and spreadsheets write them, in French and English, compared
 * folded (no case, no accents, punctuation as spaces): « Publié le », « publie_le » and
 * « PUBLIÉ LE » are the same column. The lists come from the exports' usual vocabularies
 * (listening tools, social networks' own exports, hand-made spreadsheets).
 */
const NAMES: Record<ImportField, readonly string[]> = {
  text: [
    'texte',
    'text',
    'content',
    'contenu',
    'message',
    'mention',
    'full text',
    'fulltext',
    'snippet',
    'extrait',
    'body',
    'corps',
    'post',
    'publication',
    'texte du message',
    'contenu du message',
    'mention text',
  ],
  title: ['titre', 'title', 'headline'],
  author: [
    'auteur',
    'author',
    'handle',
    'author handle',
    'author name',
    'nom de l auteur',
    'username',
    'user name',
    'nom d utilisateur',
    'utilisateur',
    'user',
    'compte',
    'account',
    'screen name',
    'pseudo',
  ],
  date: [
    'date',
    'published',
    'publie le',
    'publiee le',
    'published at',
    'published date',
    'publication date',
    'date de publication',
    'created at',
    'created',
    'timestamp',
    'datetime',
    'date heure',
    'date et heure',
    'posted at',
  ],
  time: ['heure', 'time', 'hour', 'heure de publication'],
  url: [
    'url',
    'lien',
    'link',
    'permalink',
    'adresse',
    'url de la publication',
    'post url',
    'mention url',
    'lien de la publication',
  ],
  reach: [
    'abonnes',
    'followers',
    'reach',
    'portee',
    'audience',
    'nombre d abonnes',
    'followers count',
    'author followers',
    'subscribers',
    'abonnes de l auteur',
  ],
  network: [
    'reseau',
    'network',
    'source',
    'reseau social',
    'media type',
    'type de media',
    'plateforme',
    'platform',
    'page type',
    'source type',
    'site type',
  ],
};

export const FIELD_BY_NAME: ReadonlyMap<string, ImportField> = new Map(
  (Object.entries(NAMES) as [ImportField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
);

/** A column name folded for comparison. */
export function foldColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Which column (index) holds each field: the first column of that name. */
export type ColumnMap = Partial<Record<ImportField, number>>;

export function mapColumns(header: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((name, index) => {
    const field = FIELD_BY_NAME.get(foldColumnName(name));
    if (field !== undefined && map[field] === undefined) map[field] = index;
  });
  return map;
}

/** A header is one that names at least a text column and a date column. */
export function isHeader(map: ColumnMap): boolean {
  return map.text !== undefined && map.date !== undefined;
}

/** For the error message when no header is found. */
export const EXPECTED_COLUMNS =
  'une colonne de texte (texte, text, content ou message) et une colonne de date (date, published ou publié le)';
