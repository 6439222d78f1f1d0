import { Paper, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../api/types';
import { segmentsOf } from './segments';

interface Props {
  /** The text the findings were computed on (not necessarily what is in the textarea right now). */
  text: string;
  findings: readonly Finding[];
}

/**
 * The checked text, read-only, with each flagged passage in a <mark>. The description of a mark
 * (« nom de personne, à retirer ») is linked with aria-describedby rather than written inside it,
 * so that the box's text stays exactly the checked text.
 */
export function HighlightedText({ text, findings }: Props) {
  const { t } = useTranslation();
  const baseId = useId();
  const segments = segmentsOf(text, findings);
  const descriptions = new Map<string, string>();
  for (const segment of segments) {
    if (segment.severity === null) continue;
    const key = `${segment.severity}:${segment.types.join(',')}`;
    if (descriptions.has(key)) continue;
    const what = segment.types.map((type) => t(`check.spanTypes.${type}`, { defaultValue: type })).join(', ');
    const how = segment.severity === 'block' ? t('check.markBlock') : t('check.markWarn');
    descriptions.set(key, `${what} : ${how}`);
  }
  const idOf = (key: string) => `${baseId}-${[...descriptions.keys()].indexOf(key)}`;

  return (
    <section aria-labelledby={`${baseId}-title`}>
      <Text component="h2" id={`${baseId}-title`} fw={600} mb={4}>
        {t('check.highlights')}
      </Text>
      <Paper
        withBorder
        p="sm"
        mih={80}
        className="prewrap"
        data-testid="highlights"
        data-checked-length={text.length}
        aria-live="off"
      >
        {text === '' ? (
          <Text c="dimmed">{t('check.highlightsEmpty')}</Text>
        ) : (
          segments.map((segment, index) =>
            segment.severity === null ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
              <span key={index}>{segment.text}</span>
            ) : (
              <mark
                // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
                key={index}
                className="guard-mark"
                data-severity={segment.severity}
                aria-describedby={idOf(`${segment.severity}:${segment.types.join(',')}`)}
                title={descriptions.get(`${segment.severity}:${segment.types.join(',')}`)}
              >
                {segment.text}
              </mark>
            ),
          )
        )}
      </Paper>
      <VisuallyHidden>
        {[...descriptions.entries()].map(([key, description]) => (
          <span key={key} id={idOf(key)}>
            {description}
          </span>
        ))}
      </VisuallyHidden>
    </section>
  );
}
