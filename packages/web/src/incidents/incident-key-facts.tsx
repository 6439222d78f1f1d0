import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../api/types';
import { formatDateTime } from '../format';
import { DeadlineBadge } from './deadline-badge';
import { nearestDeadline } from './nearest-deadline';

/**
 * What the desk must see first, on a phone too: the nearest deadline and who owns the incident,
 * above the long panels (which come one after the other at 375 px).
 */
export function IncidentKeyFacts({ incident }: { incident: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const deadline = nearestDeadline(incident);
  return (
    <Card withBorder padding="sm" data-testid="incident-key-facts">
      <Group gap="lg" wrap="wrap" align="flex-start">
        <Stack gap={2} data-testid="key-deadline">
          <Text size="sm" fw={600}>
            {t('desk.keyFacts.nextDeadline')}
          </Text>
          {deadline === null ? (
            <Text size="sm">{t('desk.keyFacts.none')}</Text>
          ) : (
            <DeadlineBadge deadline={deadline} />
          )}
        </Stack>
        <Stack gap={2} data-testid="key-owner">
          <Text size="sm" fw={600}>
            {t('incidents.owner')}
          </Text>
          <Text size="sm">{incident.ownerName ?? t('incidents.noOwner')}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('incidents.createdAt')}
          </Text>
          <Text size="sm">{formatDateTime(incident.createdAt, i18n.language)}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('incidents.evidence')}
          </Text>
          <Text size="sm">{incident.evidence.count}</Text>
        </Stack>
      </Group>
    </Card>
  );
}
