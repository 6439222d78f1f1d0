import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IncidentSummary } from '../api/types';
import { labelOf } from '../format';
import { StatusBadge } from '../reports/status-badge';
import { DeadlineBadge } from './deadline-badge';
import { nearestDeadline } from './nearest-deadline';
import { SeverityBadge } from './severity-badge';

/** The list on a phone: one card per incident, every column kept, nothing cut off. */
export function IncidentCards({ items }: { items: readonly IncidentSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      component="ul"
      gap="sm"
      className="desk-cards"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {items.map((incident) => {
        const deadline = nearestDeadline(incident);
        return (
          <Card component="li" key={incident.id} withBorder padding="sm" data-overdue={incident.overdue}>
            <Stack gap={6}>
              <Anchor component={Link} to={`/incidents/${encodeURIComponent(incident.id)}`} fw={600}>
                {incident.reference}
              </Anchor>
              <Text size="sm">{incident.title}</Text>
              <Group gap="xs" wrap="wrap">
                <SeverityBadge
                  severity={incident.severity ?? incident.proposedSeverity}
                  proposed={incident.severity === null}
                />
                <StatusBadge status={incident.status} />
              </Group>
              <Text size="sm">
                {t('incidents.category')} :{' '}
                {labelOf(t, 'incidents.categories', incident.category ?? incident.proposedCategory)}
              </Text>
              {deadline === null ? null : <DeadlineBadge deadline={deadline} />}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
