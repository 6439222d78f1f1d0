import {
  eventKindLabel,
  type IncidentStatus,
  networkLabel,
  pick,
  RECEIVED_WORDS,
  SEVERITY_WORDS,
  type Severity,
  STATUS_WORDS,
} from '@blouse/contract';
import { useTranslation } from 'react-i18next';

const isStatus = (value: string): value is IncidentStatus => Object.hasOwn(STATUS_WORDS, value);
const isSeverity = (value: string): value is Severity => Object.hasOwn(SEVERITY_WORDS, value);

/**
 * The shared words (@blouse/contract) in the reader's language: statuses, severities, networks
 * and history events have one name in the list, the detail page and the reporter's view, and
 * the same one the server writes in titles and letters. Unknown values are shown as they are.
 */
export function useVocabulary() {
  const { i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  return {
    status: (status: string | null): string =>
      status === null
        ? pick(RECEIVED_WORDS.label, language)
        : isStatus(status)
          ? pick(STATUS_WORDS[status].label, language)
          : status,
    statusDescription: (status: string | null): string =>
      status === null
        ? pick(RECEIVED_WORDS.description, language)
        : isStatus(status)
          ? pick(STATUS_WORDS[status].description, language)
          : '',
    severity: (severity: string): string =>
      isSeverity(severity) ? pick(SEVERITY_WORDS[severity].label, language) : severity,
    severityDefinition: (severity: string): string =>
      isSeverity(severity) ? pick(SEVERITY_WORDS[severity].definition, language) : '',
    network: (network: string): string => networkLabel(network, language),
    eventKind: (kind: string): string => eventKindLabel(kind, language),
  };
}

export type Vocabulary = ReturnType<typeof useVocabulary>;
