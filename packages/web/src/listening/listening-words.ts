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
import { WHOLE_LABEL } from '../badge-styles';

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

/**
 * A light or outline badge's styles with its text in the colour's darkest shade: Mantine's default
 * shade on its pale background measures 2.8–4.4:1, under the 4.5:1 WCAG AA asks of small text.
 */
const LIGHT_HUES = new Set(['orange', 'yellow', 'lime']);

export function toned(colour: string) {
  const name = colour.split('.')[0] ?? colour;
  // Orange, yellow and lime stay under 4.5:1 even at shade 9 (orange-9 on white: 4.3:1): a fifth
  // of black is mixed in (about 6:1).
  const ink = LIGHT_HUES.has(name)
    ? `color-mix(in srgb, var(--mantine-color-${name}-9) 80%, black)`
    : `var(--mantine-color-${name}-9)`;
  return {
    root: {
      ...WHOLE_LABEL.root,
      color: ink,
      borderColor: ink,
    },
    label: WHOLE_LABEL.label,
  };
}

/** A subtle button's text dark enough to read (Mantine's red.6 on white is 3.3:1). */
export const DARK_RED = { color: 'var(--mantine-color-red-9)' };
