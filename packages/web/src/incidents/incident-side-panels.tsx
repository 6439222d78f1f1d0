import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../api/types';
import { DeadlineBadge } from './deadline-badge';

/** Read-only: the guard's findings and the deadlines (badges loud when soon or passed). */
export function IncidentSidePanels({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="incident-findings">
        <Title order={2} size="h4" id="incident-findings" mb="xs">
          {t('incidents.findings')}
        </Title>
        {incident.guard.findings.length === 0 ? (
          <Text c="dimmed">{t('incidents.noFindings')}</Text>
        ) : (
          <List spacing="xs">
            {incident.guard.findings.map((finding, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: stored findings have no id
              <List.Item key={index}>
                <Text size="sm">
                  <strong>{finding.rule}</strong> — {finding.explanation}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="incident-deadlines">
        <Title order={2} size="h4" id="incident-deadlines" mb="xs">
          {t('incidents.deadlines')}
        </Title>
        {incident.deadlines.length === 0 ? (
          <Text c="dimmed">{t('incidents.noDeadline')}</Text>
        ) : (
          <Stack gap="sm">
            {incident.deadlines.map((deadline) => (
              <DeadlineBadge key={deadline.kind} deadline={deadline} />
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
