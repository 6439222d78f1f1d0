import { Alert, Anchor, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, client, unwrap } from '../api/client';
import { labelOf } from '../format';
import { CommentsPanel } from '../incidents/comments-panel';
import { DatesPanel } from '../incidents/dates-panel';
import { DecisionsPanel } from '../incidents/decisions-panel';
import { DeskOnly } from '../incidents/desk-only';
import { EvidencePanel } from '../incidents/evidence-panel';
import { IncidentKeyFacts } from '../incidents/incident-key-facts';
import { incidentKeys, incidentParams, incidentPath } from '../incidents/incident-paths';
import { IncidentReportCard } from '../incidents/incident-report-card';
import { IncidentSidePanels } from '../incidents/incident-side-panels';
import { NoticePanel } from '../incidents/notice-panel';
import { OwnerPanel } from '../incidents/owner-panel';
import { QualificationPanel } from '../incidents/qualification-panel';
import { SeverityBadge } from '../incidents/severity-badge';
import { SeverityLegend } from '../incidents/severity-legend';
import { StatusPanel } from '../incidents/status-panel';
import { TimelinePanel } from '../incidents/timeline-panel';
import '../incidents/desk.css';
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

/**
 * Every opening is a logged, sensitive read on the server: fetched once, not on focus. The
 * panels change it and merge the server's answer, so the version they send stays current.
 */
function IncidentView() {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const { incidentId = '' } = useParams();
  const establishmentId = membership.establishmentId;
  const query = useQuery({
    queryKey: incidentKeys.detail(establishmentId, incidentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/incidents/{incidentId}', {
          ...incidentParams(establishmentId, incidentId),
          signal,
        }),
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
      <IncidentKeyFacts incident={incident} />
      <SeverityLegend />
      {incident.permittedActions.exportCaseFile ? (
        <Button
          component="a"
          href={incidentPath(establishmentId, incident.id, '/case-file.pdf')}
          download
          variant="default"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('deskCase.caseFile.download')}
        </Button>
      ) : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <IncidentReportCard report={incident.report} />
            <StatusPanel incident={incident} />
            {/* Keyed by the stored values: after a change or a reload the form starts from them. */}
            <QualificationPanel key={`${incident.severity}-${incident.category}`} incident={incident} />
            <DecisionsPanel incident={incident} />
            <EvidencePanel incidentId={incident.id} mayExport={incident.permittedActions.exportEvidence} />
            <NoticePanel incident={incident} />
            <CommentsPanel incidentId={incident.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <OwnerPanel incident={incident} />
            <IncidentSidePanels incident={incident} />
            <DatesPanel key={`${incident.firstPublishedAt}-${incident.breachAwareAt}`} incident={incident} />
            <TimelinePanel incidentId={incident.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
