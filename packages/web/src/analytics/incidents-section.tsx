import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { labelOf } from '../format';
import { useVocabulary } from '../vocabulary';
import { ChartCard } from './chart-card';
import { formatCount, formatMinutes, formatPercent, longDay, shortDay } from './dashboard-format';

type Incidents = components['schemas']['DashboardIncidents'];

const STATUS_COLOURS: Readonly<Record<string, string>> = {
  new: 'red.7',
  qualified: 'orange.6',
  decided: 'yellow.6',
  responded: 'blue.6',
  closed: 'teal.7',
};

/** Incidents: by severity, status and category, per day, and the response times against §3.5. */
export function IncidentsSection({
  incidents,
  csv,
}: {
  incidents: Incidents;
  csv: (table: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const words = useVocabulary();
  const language = i18n.language;
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const severities = incidents.bySeverity.map((entry) => ({ ...entry, label: entry.key }));
  const statuses = incidents.byStatus.filter((entry) => entry.count > 0);
  const categories = incidents.byCategory.map((entry) => ({
    ...entry,
    label: labelOf(t, 'incidents.categories', entry.key),
  }));
  const daily = incidents.daily.map((day) => ({ ...day, label: shortDay(day.day, language) }));
  const firstActions = incidents.responseTimes.filter(
    (row) => row.measure === 'first_action' && row.withinTargetPercent !== null,
  );
  return (
    <Stack component="section" aria-labelledby="incidents-heading" gap="md">
      <Title order={2} size="h3" id="incidents-heading">
        {t('analytics.incidents.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          id="incidents-severity"
          title={t('analytics.incidents.bySeverity')}
          rows={severities}
          rowKey={(row) => row.key}
          csvHref={csv('incidents_by_severity')}
          columns={[
            { header: t('analytics.incidents.severity'), cell: (row) => words.severity(row.key) },
            { header: t('analytics.count'), cell: (row) => formatCount(row.count, language), numeric: true },
          ]}
          chart={
            <BarChart
              h={200}
              data={severities}
              dataKey="label"
              series={[{ name: 'count', label: t('analytics.count'), color: 'blue.7' }]}
              tickLine="y"
              gridAxis="y"
              tooltipAnimationDuration={0}
              yAxisProps={{ allowDecimals: false, width: 40 }}
            />
          }
        />
        <ChartCard
          id="incidents-status"
          title={t('analytics.incidents.byStatus')}
          rows={incidents.byStatus}
          rowKey={(row) => row.key}
          csvHref={csv('incidents_by_status')}
          columns={[
            { header: t('analytics.incidents.status'), cell: (row) => words.status(row.key) },
            { header: t('analytics.count'), cell: (row) => formatCount(row.count, language), numeric: true },
          ]}
          chart={
            statuses.length === 0 ? undefined : (
              <DonutChart
                h={200}
                mx="auto"
                size={160}
                thickness={28}
                withTooltip
                tooltipDataSource="segment"
                // Out of the tab order: the chart is drawn for the eye, its figures are in the table.
                pieProps={{ rootTabIndex: -1 }}
                data={statuses.map((entry) => ({
                  name: words.status(entry.key),
                  value: entry.count,
                  color: STATUS_COLOURS[entry.key] ?? 'gray.6',
                }))}
              />
            )
          }
        />
      </SimpleGrid>
      <ChartCard
        id="incidents-category"
        title={t('analytics.incidents.byCategory')}
        rows={categories}
        rowKey={(row) => row.key}
        csvHref={csv('incidents_by_category')}
        columns={[
          { header: t('analytics.incidents.category'), cell: (row) => row.label },
          { header: t('analytics.count'), cell: (row) => formatCount(row.count, language), numeric: true },
        ]}
        chart={
          <BarChart
            h={Math.max(120, categories.length * 34)}
            data={categories}
            dataKey="label"
            orientation="vertical"
            series={[{ name: 'count', label: t('analytics.count'), color: 'indigo.6' }]}
            tickLine="x"
            gridAxis="x"
            tooltipAnimationDuration={0}
            yAxisProps={{
              width: narrow ? 110 : 240,
              tickFormatter: (value: string) => clip(value, narrow ? 16 : 38),
            }}
            xAxisProps={{ allowDecimals: false }}
          />
        }
      />
      <ChartCard
        id="incidents-daily"
        title={t('analytics.incidents.daily')}
        rows={incidents.daily}
        rowKey={(row) => row.day}
        csvHref={csv('incidents_daily')}
        columns={[
          { header: t('analytics.day'), cell: (row) => longDay(row.day, language) },
          {
            header: t('analytics.incidents.total'),
            cell: (row) => formatCount(row.total, language),
            numeric: true,
          },
          { header: 'N0', cell: (row) => formatCount(row.N0, language), numeric: true },
          { header: 'N1', cell: (row) => formatCount(row.N1, language), numeric: true },
          { header: 'N2', cell: (row) => formatCount(row.N2, language), numeric: true },
          { header: 'N3', cell: (row) => formatCount(row.N3, language), numeric: true },
          { header: 'N4', cell: (row) => formatCount(row.N4, language), numeric: true },
        ]}
        chart={
          <LineChart
            h={220}
            data={daily}
            dataKey="label"
            series={[{ name: 'total', label: t('analytics.incidents.total'), color: 'blue.7' }]}
            curveType="linear"
            withDots={daily.length <= 31}
            tickLine="y"
            gridAxis="y"
            tooltipAnimationDuration={0}
            xAxisProps={{ minTickGap: 24 }}
            yAxisProps={{ allowDecimals: false, width: 40 }}
          />
        }
      />
      <ChartCard
        id="response-times"
        title={t('analytics.incidents.responseTimes')}
        description={t('analytics.incidents.responseIntro')}
        rows={incidents.responseTimes}
        rowKey={(row) => `${row.measure}-${row.severity}`}
        csvHref={csv('response_times')}
        columns={[
          {
            header: t('analytics.incidents.measure'),
            cell: (row) => `${t(`analytics.incidents.measures.${row.measure}`)} · ${row.severity}`,
          },
          {
            header: t('analytics.incidents.target'),
            cell: (row) => formatMinutes(t, row.targetMinutes, t('analytics.incidents.noTarget')),
            numeric: true,
          },
          {
            header: t('analytics.incidents.reached'),
            cell: (row) => `${formatCount(row.reached, language)} / ${formatCount(row.incidents, language)}`,
            numeric: true,
          },
          {
            header: t('analytics.incidents.median'),
            cell: (row) => formatMinutes(t, row.medianMinutes),
            numeric: true,
          },
          {
            header: t('analytics.incidents.within'),
            cell: (row) => formatCount(row.withinTarget, language),
            numeric: true,
          },
          {
            header: t('analytics.incidents.missed'),
            cell: (row) => formatCount(row.missed, language),
            numeric: true,
          },
          {
            header: t('analytics.incidents.pending'),
            cell: (row) => formatCount(row.pending, language),
            numeric: true,
          },
          {
            header: t('analytics.incidents.percent'),
            cell: (row) => formatPercent(row.withinTargetPercent, language),
            numeric: true,
          },
        ]}
        chart={
          firstActions.length === 0 ? undefined : (
            <BarChart
              h={200}
              data={firstActions.map((row) => ({
                label: row.severity,
                percent: row.withinTargetPercent ?? 0,
              }))}
              dataKey="label"
              series={[
                {
                  name: 'percent',
                  label: `${t('analytics.incidents.measures.first_action')} — ${t('analytics.incidents.percent')}`,
                  color: 'teal.7',
                },
              ]}
              tickLine="y"
              gridAxis="y"
              tooltipAnimationDuration={0}
              yAxisProps={{ domain: [0, 100], width: 56 }}
              valueFormatter={(value) => formatPercent(value, language)}
            />
          )
        }
      />
    </Stack>
  );
}

/** Long category names cut on the chart's axis; the table below has them whole. */
function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
