import {
  ALERT_REASON_LABELS,
  ALERT_TIER_LABELS,
  listeningLabel,
  MENTION_CATEGORY_LABELS,
  MENTION_VERDICT_LABELS,
  SOURCE_KIND_LABELS,
  WATCH_TERM_KIND_LABELS,
} from '@blouse/contract';
import { useTranslation } from 'react-i18next';

/** The words of listening (@blouse/contract) in the reader's language; unknown values as they are. */
export function useListeningWords() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    source: (kind: string) => listeningLabel(SOURCE_KIND_LABELS, kind, language),
    category: (category: string) => listeningLabel(MENTION_CATEGORY_LABELS, category, language),
    verdict: (verdict: string) => listeningLabel(MENTION_VERDICT_LABELS, verdict, language),
    termKind: (kind: string) => listeningLabel(WATCH_TERM_KIND_LABELS, kind, language),
    tier: (tier: string) => listeningLabel(ALERT_TIER_LABELS, tier, language),
    reason: (reason: string) => listeningLabel(ALERT_REASON_LABELS, reason, language),
  };
}

/** Badge colours; the badge always carries its word too, so colour is never the only signal. */
export const VERDICT_COLOURS: Readonly<Record<string, string>> = { ok: 'teal', warn: 'orange', block: 'red' };
const SERIOUS = new Set(['privacy_breach', 'threat', 'doxxing', 'defamation']);
export const categoryColour = (category: string): string => (SERIOUS.has(category) ? 'red' : 'blue');
