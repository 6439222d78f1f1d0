import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../api/types';
import { formatDateTime, labelOf } from '../format';
import type { Vocabulary } from '../vocabulary';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One line saying what an event changed, in words (the server stores ids and enum values). */
export function describeEvent(
  t: TFunction,
  words: Vocabulary,
  entry: TimelineEntry,
  language: string,
): string {
  const d = entry.detail;
  switch (entry.kind) {
    case 'transition':
      return t('desk.timeline.transition', {
        from: words.status(text(d.from)),
        to: words.status(text(d.to)),
      });
    case 'qualification':
      return t('desk.timeline.qualification', {
        severity: words.severity(text(d.severity)),
        category: labelOf(t, 'incidents.categories', text(d.category)),
      });
    case 'decision':
      return labelOf(t, 'incidents.decisionKinds', text(d.decision));
    case 'owner':
      return d.to === null ? t('desk.timeline.ownerReleased') : t('desk.timeline.ownerSet');
    case 'dates': {
      const parts: string[] = [];
      for (const [key, label] of [
        ['first_published_at', 'desk.dates.firstPublished'],
        ['breach_aware_at', 'desk.dates.breachAware'],
      ] as const) {
        if (!(key in d)) continue;
        const value = text(d[key]);
        parts.push(
          `${t(label)} : ${value === '' ? t('desk.timeline.cleared') : formatDateTime(value, language)}`,
        );
      }
      return parts.join(' · ');
    }
    case 'comment':
      return text(d.text);
    case 'notice_sent':
      return `${labelOf(t, 'deskCase.notice.channels', text(d.channel))} · ${formatDateTime(text(d.sentAt), language)}`;
    default:
      return '';
  }
}
