import { Alert, Anchor, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { IncidentDetail } from '../api/types';
import { formatDateTime, labelOf } from '../format';
import { DeskOnly } from '../incidents/desk-only';
import { IncidentReportCard } from '../incidents/incident-report-card';
import { IncidentSidePanels } from '../incidents/incident-side-panels';
import { SeverityBadge } from '../incidents/severity-badge';
import { useDocumentTitle } from '../layout/use-document-title';
import { StatusBadge } from '../reports/status-badge';
import { useSignedIn } from '../session/session-context';

export function IncidentDetailPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Anchor component={Link} to="/incidents">
        ← {t('incidents.back')}
      </Anchor>
      <DeskOnly>
        <IncidentView />
      </DeskOnly>
    </Stack>
  );
}

/** Every opening is a logged, sensitive read on the server: fetched once, not on focus. */
function IncidentView() {
  const { t, i18n } = useTranslation();
  const { membership } = useSignedIn();
  const { incidentId = '' } = useParams();
  const establishmentId = membership.establishmentId;
  const query = useQuery({
    queryKey: ['incident', establishmentId, incidentId],
    queryFn: ({ signal }) =>
      api<IncidentDetail>(
        `/api/establishments/${encodeURIComponent(establishmentId)}/incidents/${encodeURIComponent(incidentId)}`,
        { signal },
      ),
    staleTime: 60_000,
  });
  useDocumentTitle(query.data?.reference ?? t('incidents.title'));

  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.isError) {
    return (
      <Alert color="red" role="alert" title={t('errors.generic')}>
        {query.error instanceof ApiError ? query.error.detail : String(query.error)}
      </Alert>
    );
  }
  const incident = query.data;
  return (
    <Stack>
      <Title order={1}>
        {incident.reference} — {incident.title}
      </Title>
      <Group gap="sm" wrap="wrap">
        <SeverityBadge
          severity={incident.severity ?? incident.proposedSeverity}
          proposed={incident.severity === null}
        />
        <StatusBadge status={incident.status} />
        <Text size="sm">
          {labelOf(t, 'incidents.categories', incident.category ?? incident.proposedCategory)}
        </Text>
      </Group>
      <Text size="sm">
        {t('incidents.createdAt')} {formatDateTime(incident.createdAt, i18n.language)} ·{' '}
        {t('incidents.owner')} : {incident.ownerName ?? t('incidents.noOwner')} · {t('incidents.evidence')} :{' '}
        {incident.evidence.count}
      </Text>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <IncidentReportCard report={incident.report} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <IncidentSidePanels incident={incident} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
