import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, client, unwrap } from '../api/client';
import { formatDateTime } from '../format';
import { useDocumentTitle } from '../layout/use-document-title';
import { StatusBadge } from '../reports/status-badge';
import { useSignedIn } from '../session/session-context';
import { useVocabulary } from '../vocabulary';

/** « Mes signalements »: what became of each report sent under one's name. */
export function MyReportsPage() {
  const { t, i18n } = useTranslation();
  const { membership } = useSignedIn();
  const words = useVocabulary();
  const establishmentId = membership.establishmentId;
  useDocumentTitle(t('mine.title'));
  const query = useQuery({
    queryKey: ['my-reports', establishmentId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/reports/mine', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('mine.title')}</Title>
        <Button component={Link} to="/signaler">
          {t('mine.newReport')}
        </Button>
      </Group>
      <Text>{t('mine.intro')}</Text>
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? (
        <Alert color="red" role="alert" title={t('errors.generic')}>
          {query.error instanceof ApiError ? query.error.detail : String(query.error)}
        </Alert>
      ) : null}
      {query.data?.reports.length === 0 ? <Text c="dimmed">{t('mine.empty')}</Text> : null}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
        {query.data?.reports.map((report) => (
          <Card component="li" withBorder key={report.reportId}>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                {report.url === '' ? (
                  <Text fw={600}>{t('reporting.noLink')}</Text>
                ) : (
                  <Anchor
                    href={report.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {report.url}
                  </Anchor>
                )}
                <Text size="sm">
                  {words.network(report.network)} ·{' '}
                  {t('mine.sentOn', { date: formatDateTime(report.createdAt, i18n.language) })}
                  {report.incidentReference !== null
                    ? ` · ${t('mine.reference')} ${report.incidentReference}`
                    : ''}
                </Text>
                <Text size="sm" data-testid="report-outcome">
                  {report.outcome}
                </Text>
              </Stack>
              <StatusBadge status={report.status} described />
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
