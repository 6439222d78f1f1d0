import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/error-alert';
import { client, unwrap } from '../../api/client';
import { useErrorMessage } from '../../api/error-messages';
import { formatDate } from '../../format';

export interface ReportScope {
  readonly kind: 'establishment' | 'group';
  readonly id: string;
}

/** Where the PDF downloads from: a plain link, so the browser saves it with the server's name. */
export function monthlyReportHref(scope: ReportScope, month: string): string {
  const base =
    scope.kind === 'establishment'
      ? `/api/establishments/${encodeURIComponent(scope.id)}`
      : `/api/groups/${encodeURIComponent(scope.id)}`;
  return `${base}/analytics/monthly-reports/${month}.pdf`;
}

function useMonthlyReports(scope: ReportScope) {
  return useQuery({
    queryKey: ['monthly-reports', scope.kind, scope.id],
    queryFn: ({ signal }) =>
      scope.kind === 'establishment'
        ? unwrap(
            client.GET('/api/establishments/{establishmentId}/analytics/monthly-reports', {
              params: { path: { establishmentId: scope.id } },
              signal,
            }),
          )
        : unwrap(
            client.GET('/api/groups/{groupId}/analytics/monthly-reports', {
              params: { path: { groupId: scope.id } },
              signal,
            }),
          ),
  });
}

/**
 * The month's report beside the dashboard: a month to choose (the current one is provisional;
 * the past ones say when they went to the direction) and the PDF's download.
 */
export function MonthlyReportsPanel({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const reports = useMonthlyReports(scope);
  const months = reports.data?.months ?? [];
  // The last finished month by default: the one the direction has just received.
  const [chosen, setChosen] = useState<string | null>(null);
  const month = chosen ?? months.find((row) => !row.provisional)?.month ?? months[0]?.month ?? null;
  const monthName = (value: string) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${value}-01T12:00:00Z`),
    );
  const options = months.map((row) => {
    const name = monthName(row.month);
    const label = row.provisional
      ? t('analyticsMonthly.current', { month: name })
      : row.emailedAt !== null
        ? t('analyticsMonthly.sent', { month: name, date: formatDate(row.emailedAt, i18n.language) })
        : row.archived
          ? t('analyticsMonthly.archived', { month: name })
          : t('analyticsMonthly.notYet', { month: name });
    return { value: row.month, label };
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="monthly-report-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="monthly-report-title">
          {t('analyticsMonthly.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('analyticsMonthly.intro')}
        </Text>
        {reports.data?.whole === false ? (
          <Alert color="yellow" variant="light">
            {t('analyticsMonthly.partial')}
          </Alert>
        ) : null}
        {reports.error ? <ErrorAlert title={t('errors.generic')}>{message(reports.error)}</ErrorAlert> : null}
        <Group align="flex-end" wrap="wrap" gap="sm">
          <Select
            label={t('analyticsMonthly.month')}
            data={options}
            value={month}
            onChange={(value) => setChosen(value)}
            allowDeselect={false}
            disabled={options.length === 0}
            w={{ base: '100%', xs: 320 }}
          />
          <Button
            component="a"
            href={month === null ? undefined : monthlyReportHref(scope, month)}
            download
            disabled={month === null}
          >
            {t('analyticsMonthly.download')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
