import { type Category, type GuardContext, PLACEHOLDERS, type SpanType, type Verdict } from '@blouse/guard';

/** The verdict as the person who wrote the post should read it. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  ok: 'Publication possible',
  warn: 'À revoir avant publication',
  block: 'Ne pas publier en l’état',
};

export const SEVERITY_LABELS: Record<Exclude<Verdict, 'ok'>, string> = {
  warn: 'à revoir',
  block: 'bloquant',
};

export const CONTEXT_LABELS: Record<GuardContext, string> = {
  institutional: 'compte officiel de l’établissement',
  reply: 'réponse du compte officiel de l’établissement',
  staff: 'compte personnel d’un membre du personnel',
  public: 'publication d’un tiers (patient, proche, internaute)',
};

/** French names accepted by --context besides the identifiers. */
export const CONTEXT_ALIASES: Readonly<Record<string, GuardContext>> = {
  institutionnel: 'institutional',
  etablissement: 'institutional',
  établissement: 'institutional',
  reponse: 'reply',
  réponse: 'reply',
  personnel: 'staff',
  agent: 'staff',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  COMPLAINT: 'plainte',
  RUMOR: 'rumeur',
  THREAT: 'menace',
  DEFAMATION: 'diffamation',
  DOXXING: 'divulgation de données personnelles (doxxing)',
  PRIVACY_BREACH: 'atteinte à la vie privée',
  PRAISE: 'remerciement',
  QUESTION: 'question',
  INFO: 'information',
};

/** The redaction placeholder without its brackets: « NOM », « ÂGE », « CHAMBRE »… */
export function spanLabel(type: SpanType): string {
  return PLACEHOLDERS[type].slice(1, -1);
}
