import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { WHOLE_LABEL } from '../badge-styles';
import { formatDateTime, formatNumber } from '../format';
import { toned, useListeningWords } from './listening-words';

export type ListeningAlert = components['schemas']['ListeningAlert'];

/** The alert's counts in one line: « 14 mentions sur 60 min, attendu : 3 ». */
export function AlertCounts({ alert }: { alert: ListeningAlert }) {
  const { t, i18n } = useTranslation();
  const count = alert.details.count ?? alert.mentionIds.length;
  const parts = [
    t('listening.alerts.mentions', { count, formattedCount: formatNumber(count, i18n.language) }),
  ];
  if (alert.details.windowMinutes !== undefined)
    parts.push(t('listening.alerts.window', { minutes: alert.details.windowMinutes }));
  const counts = parts.join(' ');
  return (
    <Text size="sm">
      {alert.details.expected === undefined
        ? counts
        : `${counts}, ${t('listening.alerts.expected', { expected: formatNumber(Math.round(alert.details.expected * 10) / 10, i18n.language) })}`}
    </Text>
  );
}

export function AlertCard({ alert }: { alert: ListeningAlert }) {
  const { t, i18n } = useTranslation();
  const words = useListeningWords();
  return (
    <Card withBorder padding="md" component="article" data-alert-id={alert.id}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap="xs" wrap="wrap">
            <Badge
              variant={alert.tier === 'immediate' ? 'filled' : 'light'}
              color="red.9"
              styles={alert.tier === 'immediate' ? WHOLE_LABEL : toned('red')}
            >
              {t('listening.alerts.tier')} : {words.tier(alert.tier)}
            </Badge>
            <Badge variant="outline" color="dark" styles={toned('dark')}>
              {words.reason(alert.reason)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" component="time" dateTime={alert.createdAt}>
            {formatDateTime(alert.createdAt, i18n.language)}
          </Text>
        </Group>
        <Text style={{ overflowWrap: 'anywhere' }}>{alert.explanation}</Text>
        <AlertCounts alert={alert} />
        <Anchor component={Link} to={`/veille/alertes/${encodeURIComponent(alert.id)}`} size="sm" fw={600}>
          {t('listening.alerts.open')}
        </Anchor>
      </Stack>
    </Card>
  );
}
