import { networkLabel } from '@blouse/contract';
import { CATEGORY_LABELS, type IncidentCategory } from './categories.js';

/**
 * A notice to a hosting platform under DSA art. 16(2): (a) why the content is illegal, with
 * enough substance for the platform to see it without a legal examination; (b) its exact
 * electronic location; (c) the notifier's name and e-mail; (d) a statement of good-faith belief
 * that the information is accurate and complete. The legal bases are a starting point for the
 * legal department (domain-rules §8: verify before sending), not a legal opinion.
 */
const LEGAL_BASES: Partial<Readonly<Record<IncidentCategory, string>>> = {
  secret_breach:
    'violation du secret médical et de la vie privée d’un patient : art. 226-13 du Code pénal, art. L1110-4 du Code de la santé publique, art. 9 du Code civil, données de santé protégées par l’art. 9 du RGPD',
  image_breach:
    'diffusion de l’image d’une personne sans son consentement : art. 9 du Code civil, art. 226-1 et 226-2 du Code pénal',
  defamation:
    'diffamation publique envers un particulier ou un agent public : art. 29 alinéa 1, 31 et 32 de la loi du 29 juillet 1881',
  insult: 'injure publique : art. 29 alinéa 2 et 33 de la loi du 29 juillet 1881',
  harassment: 'harcèlement moral en ligne : art. 222-33-2-2 du Code pénal',
  threat: 'menaces de crime ou de délit contre les personnes : art. 222-17 et 222-18 du Code pénal',
  doxxing:
    'divulgation d’informations permettant d’identifier ou de localiser une personne pour l’exposer à un risque : art. 223-1-1 du Code pénal',
  incitement:
    'provocation publique à commettre des crimes ou délits : art. 23 et 24 de la loi du 29 juillet 1881',
  impersonation: 'usurpation d’identité numérique : art. 226-4-1 du Code pénal',
  hate: 'provocation à la haine ou à la discrimination, injure ou diffamation discriminatoire : art. 24, 32 et 33 de la loi du 29 juillet 1881',
};

/** Whether a notice can be substantiated for this category: lawful criticism cannot be notified. */
export const noticeable = (category: IncidentCategory): boolean => LEGAL_BASES[category] !== undefined;

export interface NoticeInput {
  readonly reference: string;
  readonly category: IncidentCategory;
  readonly url: string;
  readonly network: string;
  /** The guard's French explanations of the rules the content breaks. */
  readonly explanations: readonly string[];
  readonly notifierName: string;
  readonly notifierEmail: string;
  readonly establishmentName: string;
}

export interface NoticeElements {
  readonly explanation: string;
  readonly legalBasis: string;
  readonly url: string;
  readonly notifierName: string;
  readonly notifierEmail: string;
  readonly goodFaithStatement: string;
}

export interface Notice {
  readonly text: string;
  readonly elements: NoticeElements;
}

export const GOOD_FAITH_STATEMENT =
  'Je déclare de bonne foi que les informations et allégations contenues dans la présente notification sont exactes et complètes.';

export function buildNotice(input: NoticeInput): Notice {
  const legalBasis = LEGAL_BASES[input.category];
  if (legalBasis === undefined) throw new Error(`pas de fondement pour ${input.category}`);
  const reasons = [...new Set(input.explanations)].map((reason) => `- ${reason}`).join('\n');
  const explanation =
    `Le contenu signalé relève de la catégorie « ${CATEGORY_LABELS[input.category]} ». ` +
    `Il est manifestement illicite au regard du droit français : ${legalBasis}.` +
    (reasons === '' ? '' : `\nÉléments relevés dans le contenu :\n${reasons}`);
  const elements: NoticeElements = {
    explanation,
    legalBasis,
    url: input.url,
    notifierName: input.notifierName,
    notifierEmail: input.notifierEmail,
    goodFaithStatement: GOOD_FAITH_STATEMENT,
  };
  const text = [
    `Objet : notification de contenu illicite (règlement (UE) 2022/2065, art. 16) — ${input.reference}`,
    '',
    'Madame, Monsieur,',
    '',
    `${input.establishmentName} vous notifie la présence sur votre service (${networkLabel(input.network)}) du contenu suivant.`,
    '',
    `1. Emplacement électronique exact du contenu : ${input.url}`,
    '',
    `2. Motifs pour lesquels le contenu est illicite : ${explanation}`,
    '',
    `3. Auteur de la notification : ${input.notifierName}, ${input.notifierEmail}, pour ${input.establishmentName}.`,
    '',
    `4. ${GOOD_FAITH_STATEMENT}`,
    '',
    'Nous vous remercions de nous informer de la décision prise et de ses motifs (art. 16(5) et 17).',
  ].join('\n');
  return { text, elements };
}
