import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { formatCount, formatPercent } from './dashboard-format';

type KeyFigures = components['schemas']['Dashboard']['keyFigures'];

/** The figures on top: what a director reads first. A figure the reader may not see is left out. */
export function KeyFiguresGrid({ figures }: { figures: KeyFigures }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const items = [
    { key: 'incidents', value: formatCount(figures.incidents, language) },
    { key: 'withinTarget', value: formatPercent(figures.withinTargetPercent, language) },
    { key: 'overdue', value: formatCount(figures.overdue, language) },
    ...(figures.mentions === null
      ? []
      : [{ key: 'mentions', value: formatCount(figures.mentions, language) }]),
    ...(figures.alerts === null ? [] : [{ key: 'alerts', value: formatCount(figures.alerts, language) }]),
    ...(figures.posts === null ? [] : [{ key: 'posts', value: formatCount(figures.posts, language) }]),
  ];
  return (
    <section aria-label={t('analytics.keyFigures.label')}>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: items.length }} spacing="sm" component="dl" m={0}>
        {items.map((item) => (
          <Paper key={item.key} withBorder p="sm" data-testid={`figure-${item.key}`}>
            <Text component="dt" size="sm" c="dimmed" lh={1.3}>
              {t(`analytics.keyFigures.${item.key}`)}
            </Text>
            <Text component="dd" m={0} fz={28} fw={700} lh={1.2}>
              {item.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
