/**
 * The guard's vocabulary: what it finds (spans), what it concludes (findings) and what it
 * returns (the report). Plain data only, so that a report can cross any boundary (HTTP, worker,
 * browser) unchanged.
 */

/** What a span identifies or exposes (shared/data/guard/FORMAT.md). */
export const SPAN_TYPES = [
  'PERSON',
  'HANDLE',
  'AGE',
  'DATE',
  'ROOM',
  'UNIT',
  'PLACE',
  'HEALTH',
  'NIR',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'HOSPITAL_ID',
  'PLATE',
] as const;
export type SpanType = (typeof SPAN_TYPES)[number];

/** Who publishes the text. */
export const CONTEXTS = ['institutional', 'reply', 'staff', 'public'] as const;
export type GuardContext = (typeof CONTEXTS)[number];

export const VERDICTS = ['ok', 'warn', 'block'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How a communication department files a post written by someone else. */
export const CATEGORIES = [
  'COMPLAINT',
  'RUMOR',
  'THREAT',
  'DEFAMATION',
  'DOXXING',
  'PRIVACY_BREACH',
  'PRAISE',
  'QUESTION',
  'INFO',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * A stretch of the text that identifies, locates or exposes someone.
 * Offsets are JavaScript string indices (UTF-16 code units), `end` exclusive.
 */
export interface Span {
  readonly type: SpanType;
  readonly start: number;
  readonly end: number;
  /** Confidence in [0, 1] that the stretch is of this type. */
  readonly score: number;
  /** Name of the recognizer that produced it. */
  readonly recognizer: string;
  /** Short reason, for people reading a report ("titre « Mme » suivi d'une initiale"). */
  readonly evidence?: string;
}

export interface LocalizedText {
  readonly fr: string;
  readonly en: string;
}

export type FixKind = 'redact' | 'rewrite' | 'remove' | 'report';

export interface Fix {
  readonly kind: FixKind;
  readonly text: LocalizedText;
}

/** A rule of the catalogue that the text breaks, with the spans that show it. */
export interface Finding {
  readonly rule: string;
  readonly severity: Exclude<Verdict, 'ok'>;
  readonly explanation: LocalizedText;
  readonly spans: readonly Span[];
  readonly fix: Fix;
  /**
   * `model` when the learned layer raised it (a probability over a threshold, not a rule's
   * certainty); absent for the hand-written rules.
   */
  readonly source?: 'model';
}

export interface Report {
  readonly verdict: Verdict;
  readonly context: GuardContext;
  /** The spans that some finding relies on: what breaks a rule in this post. */
  readonly spans: readonly Span[];
  /**
   * Everything the recognizers found, breach or not (a name in a harmless post too): for
   * highlighting as people type, and for measuring detection on texts annotated for
   * anonymisation rather than for rules.
   */
  readonly detected: readonly Span[];
  readonly findings: readonly Finding[];
  /** The text with every span that must not be published replaced by a placeholder. */
  readonly redacted: string;
  /** For `public` posts: how a communication department would file it; null otherwise. */
  readonly category: Category | null;
  /**
   * What a public post is for (complaint, rumour, praise, question, information), read by its own
   * classifier apart from the breaches; null outside public posts or without the learned layer.
   */
  readonly intent?: Category | null;
  /** The learned layer's probability per rule family (SECRET, DEFAM…), for evaluation. */
  readonly familyScores?: Readonly<Record<string, number>>;
  /**
   * A version of the post that can be published, written in plain French with the sensitive
   * details generalised or dropped, and checked again; or none, with the reason. Present only
   * when asked for (`GuardOptions.saferVersion`): it costs one or more further analyses.
   */
  readonly saferVersion?: SaferVersion;
}

/** The rewrite of a post, or why there is none. */
export type SaferVersion =
  | { readonly text: string; readonly reason?: undefined }
  | { readonly text: null; readonly reason: LocalizedText };

/** The establishment's own lists: names that must not be flagged as private persons. */
export interface EstablishmentLists {
  /** The establishment's names and abbreviations ("CHU de Valmont", "CHUV"). */
  readonly names?: readonly string[];
  /** Its services and sites ("maternité Sainte-Anne", "site de Saint-Lô"). */
  readonly services?: readonly string[];
  /** Staff who consented to be named in institutional posts ("Pr Hélène Morvan"). */
  readonly consentingStaff?: readonly string[];
  /** Public figures who may be named (the mayor, the director) outside any care context. */
  readonly publicFigures?: readonly string[];
}

export interface GuardOptions {
  readonly context?: GuardContext;
  readonly establishment?: EstablishmentLists;
  /** Also propose a safer version of the post (see `Report.saferVersion`). */
  readonly saferVersion?: boolean;
}
