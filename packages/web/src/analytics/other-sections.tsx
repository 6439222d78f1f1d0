import { LineChart } from '@mantine/charts';
import { Alert, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { useListeningWords } from '../listening/listening-words';
import { useVocabulary } from '../vocabulary';
import { ChartCard } from './chart-card';
import { CountCard } from './count-card';
import { formatCount, formatMinutes, formatPercent, longDay, shortDay } from './dashboard-format';

type Dashboard = components['schemas']['Dashboard'];
type Csv = (table: string) => string;

/** What the guard checked before posts went out: counts only, no text was ever kept. */
export function ChecksSection({ checks, csv }: { checks: NonNullable<Dashboard['checks']>; csv: Csv }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="checks-heading" gap="md">
      <Title order={2} size="h3" id="checks-heading">
        {t('analytics.checks.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <CountCard
          id="checks-verdict"
          title={t('analytics.checks.byVerdict')}
          header={t('analytics.checks.verdict')}
          rows={checks.byVerdict}
          label={(key) => t(`check.verdict.${key}`, { defaultValue: key })}
          csvHref={csv('checks_by_verdict')}
          colour="teal.7"
        />
        <CountCard
          id="checks-context"
          title={t('analytics.checks.byContext')}
          header={t('analytics.checks.context')}
          rows={checks.byContext}
          label={(key) => t(`check.contexts.${key}`, { defaultValue: key })}
          csvHref={csv('checks_by_context')}
          colour="cyan.7"
        />
        <CountCard
          id="checks-rules"
          title={t('analytics.checks.topRules')}
          header={t('analytics.checks.rule')}
          rows={checks.topRules}
          label={(key) => key}
          csvHref={csv('checks_top_rules')}
          colour="grape.7"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Listening: mentions and alerts per day, by category, source and reason; or why there is none. */
export function ListeningSection({ listening, csv }: { listening: Dashboard['listening']; csv: Csv }) {
  const { t, i18n } = useTranslation();
  const words = useListeningWords();
  const language = i18n.language;
  return (
    <Stack component="section" aria-labelledby="listening-heading" gap="md">
      <Title order={2} size="h3" id="listening-heading">
        {t('analytics.listening.heading')}
      </Title>
      {listening === null ? (
        <Alert color="gray">{t('analytics.listening.absent')}</Alert>
      ) : (
        <>
          <ChartCard
            id="listening-daily"
            title={t('analytics.listening.daily')}
            rows={listening.daily}
            rowKey={(row) => row.day}
            csvHref={csv('listening_daily')}
            columns={[
              { header: t('analytics.day'), cell: (row) => longDay(row.day, language) },
              {
                header: t('analytics.listening.mentions'),
                cell: (row) => formatCount(row.mentions, language),
                numeric: true,
              },
              {
                header: t('analytics.listening.alerts'),
                cell: (row) => formatCount(row.alerts, language),
                numeric: true,
              },
            ]}
            chart={
              <LineChart
                h={220}
                data={listening.daily.map((row) => ({ ...row, label: shortDay(row.day, language) }))}
                dataKey="label"
                series={[
                  { name: 'mentions', label: t('analytics.listening.mentions'), color: 'blue.7' },
                  { name: 'alerts', label: t('analytics.listening.alerts'), color: 'red.8' },
                ]}
                withLegend
                curveType="linear"
                withDots={listening.daily.length <= 31}
                tickLine="y"
                gridAxis="y"
                tooltipAnimationDuration={0}
                xAxisProps={{ minTickGap: 24 }}
                yAxisProps={{ allowDecimals: false, width: 40 }}
              />
            }
          />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <CountCard
              id="mentions-category"
              title={t('analytics.listening.byCategory')}
              header={t('analytics.listening.category')}
              rows={listening.byCategory}
              label={words.category}
              csvHref={csv('mentions_by_category')}
            />
            <CountCard
              id="mentions-source"
              title={t('analytics.listening.bySource')}
              header={t('analytics.listening.source')}
              rows={listening.bySource}
              label={words.source}
              csvHref={csv('mentions_by_source')}
              colour="cyan.7"
            />
            <CountCard
              id="alerts-reason"
              title={t('analytics.listening.alertsByReason')}
              header={t('analytics.listening.reason')}
              rows={listening.alertsByReason}
              label={words.reason}
              csvHref={csv('alerts_by_reason')}
              colour="red.8"
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

/** Posts published, by network, their engagement and how long approval took. */
export function PublishingSection({ publishing, csv }: { publishing: Dashboard['publishing']; csv: Csv }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.language;
  return (
    <Stack component="section" aria-labelledby="publishing-heading" gap="md">
      <Title order={2} size="h3" id="publishing-heading">
        {t('analytics.publishing.heading')}
      </Title>
      {publishing === null ? (
        <Alert color="gray">{t('analytics.publishing.absent')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <CountCard
            id="posts-network"
            title={t('analytics.publishing.byNetwork')}
            header={t('analytics.publishing.network')}
            rows={publishing.byNetwork}
            label={vocabulary.network}
            csvHref={csv('posts_by_network')}
            colour="violet.7"
          />
          <ChartCard
            id="publishing-engagement"
            title={t('analytics.publishing.engagement')}
            rowKey={(row) => row.key}
            csvHref={csv('publishing_engagement')}
            columns={[
              { header: t('analytics.publishing.indicator'), cell: (row) => row.label },
              { header: t('analytics.publishing.value'), cell: (row) => row.value, numeric: true },
            ]}
            rows={[
              {
                key: 'likes',
                label: t('analytics.publishing.likes'),
                value: formatCount(publishing.engagement.likes, language),
              },
              {
                key: 'shares',
                label: t('analytics.publishing.shares'),
                value: formatCount(publishing.engagement.shares, language),
              },
              {
                key: 'comments',
                label: t('analytics.publishing.comments'),
                value: formatCount(publishing.engagement.comments, language),
              },
              {
                key: 'impressions',
                label: t('analytics.publishing.impressions'),
                value: formatCount(publishing.engagement.impressions, language),
              },
              {
                key: 'approved',
                label: t('analytics.publishing.approved'),
                value: formatCount(publishing.approvals.approved, language),
              },
              {
                key: 'lead',
                label: t('analytics.publishing.leadTime'),
                value: formatMinutes(t, publishing.approvals.medianLeadMinutes),
              },
            ]}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** A group's figures per establishment. */
export function EstablishmentsSection({ rows, csv }: { rows: Dashboard['establishments']; csv: Csv }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <ChartCard
      id="establishments"
      title={t('analytics.establishments.heading')}
      rows={rows}
      rowKey={(row) => row.id}
      csvHref={csv('establishments')}
      columns={[
        { header: t('analytics.establishments.name'), cell: (row) => row.name },
        {
          header: t('analytics.establishments.incidents'),
          cell: (row) => formatCount(row.incidents, language),
          numeric: true,
        },
        {
          header: t('analytics.establishments.overdue'),
          cell: (row) => formatCount(row.overdue, language),
          numeric: true,
        },
        {
          header: t('analytics.establishments.withinTarget'),
          cell: (row) => formatPercent(row.withinTargetPercent, language),
          numeric: true,
        },
        {
          header: t('analytics.establishments.mentions'),
          cell: (row) => formatCount(row.mentions, language),
          numeric: true,
        },
        {
          header: t('analytics.establishments.alerts'),
          cell: (row) => formatCount(row.alerts, language),
          numeric: true,
        },
        {
          header: t('analytics.establishments.posts'),
          cell: (row) => formatCount(row.posts, language),
          numeric: true,
        },
        {
          header: t('analytics.establishments.checks'),
          cell: (row) => formatCount(row.checks, language),
          numeric: true,
        },
      ]}
    />
  );
}

/** Charter and quiz as they stand today (not over the period); no percentage under three staff. */
export function TrainingSection({
  training,
  csv,
}: {
  training: NonNullable<Dashboard['training']>;
  csv: Csv;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Stack component="section" aria-labelledby="training-heading" gap="md">
      <Title order={2} size="h3" id="training-heading">
        {t('analytics.training.heading')}
      </Title>
      <ChartCard
        id="training"
        title={t('analytics.training.table')}
        description={t('analytics.training.intro')}
        rowKey={(row) => row.key}
        csvHref={csv('training')}
        columns={[
          { header: t('analytics.publishing.indicator'), cell: (row) => row.label },
          { header: t('analytics.publishing.value'), cell: (row) => row.value, numeric: true },
        ]}
        rows={[
          {
            key: 'staff',
            label: t('analytics.training.staff'),
            value: formatCount(training.staff, language),
          },
          {
            key: 'charter',
            label: t('analytics.training.charter'),
            value: formatPercent(training.charterAcknowledgedPercent, language),
          },
          {
            key: 'taken',
            label: t('analytics.training.taken'),
            value: formatPercent(training.quizTakenPercent, language),
          },
          {
            key: 'score',
            label: t('analytics.training.score'),
            value: formatPercent(training.quizAverageScorePercent, language),
          },
        ]}
      />
    </Stack>
  );
}
