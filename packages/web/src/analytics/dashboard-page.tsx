import { Alert, Group, Loader, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatDateTime } from '../format';
import { useSignedIn } from '../session/session-context';
import { longDay } from './dashboard-format';
import {
  type DayRange,
  daysIn,
  parisToday,
  presetRange,
  type RangePreset,
  rangeProblem,
} from './dashboard-range';
import { canReadDashboard } from './dashboard-roles';
import { IncidentsSection } from './incidents-section';
import { KeyFiguresGrid } from './key-figures';
import {
  ChecksSection,
  EstablishmentsSection,
  ListeningSection,
  PublishingSection,
  TrainingSection,
} from './other-sections';
import { type DashboardReportScope, DashboardReportSlot } from './report-slot';

const PRESETS: readonly RangePreset[] = ['30d', '3m', '12m', 'custom'];

/**
 * « Tableau de bord » (issue 14): the establishment's figures, or its group's (GHT) over the
 * establishments the reader may read, for a period; key figures on top, then each section's
 * charts, each with its table and CSV. The server decides what the reader sees (the legal
 * service: incidents only); the page shows what comes back.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { membership, role } = useSignedIn();
  const errorMessage = useErrorMessage();
  const establishmentId = membership.establishmentId;
  const [scopeKind, setScopeKind] = useState<'establishment' | 'group'>('establishment');
  const [preset, setPreset] = useState<RangePreset>('30d');
  const today = parisToday();
  const [custom, setCustom] = useState<DayRange>(() => presetRange('30d', today));
  const range: DayRange = preset === 'custom' ? custom : presetRange(preset, today);
  const problem = preset === 'custom' ? rangeProblem(custom) : null;

  const groups = useQuery({
    queryKey: ['analytics-groups'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/analytics/groups', { signal })),
    enabled: canReadDashboard(role),
  });
  // The group of the establishment the person works in now, when they may read its dashboard.
  const group = groups.data?.groups.find((candidate) =>
    candidate.establishments.some((establishment) => establishment.id === establishmentId),
  );
  const scope: DashboardReportScope =
    scopeKind === 'group' && group !== undefined
      ? { kind: 'group', id: group.id }
      : { kind: 'establishment', id: establishmentId };
  const base =
    scope.kind === 'group'
      ? `/api/groups/${encodeURIComponent(scope.id)}/analytics`
      : `/api/establishments/${encodeURIComponent(scope.id)}/analytics`;
  const query = `from=${range.from}&to=${range.to}`;
  const csv = (table: string) => `${base}/export/${table}.csv?${query}`;

  const dashboard = useQuery({
    queryKey: ['dashboard', scope.kind, scope.id, range.from, range.to],
    queryFn: ({ signal }) =>
      scope.kind === 'group'
        ? unwrap(
            client.GET('/api/groups/{groupId}/analytics/dashboard', {
              params: { path: { groupId: scope.id }, query: range },
              signal,
            }),
          )
        : unwrap(
            client.GET('/api/establishments/{establishmentId}/analytics/dashboard', {
              params: { path: { establishmentId: scope.id }, query: range },
              signal,
            }),
          ),
    enabled: canReadDashboard(role) && problem === null,
    placeholderData: keepPreviousData,
  });

  if (!canReadDashboard(role)) {
    return (
      <Stack>
        <Title order={1}>{t('analytics.title')}</Title>
        <Alert color="blue" role="alert">
          {t('analytics.reserved')}
        </Alert>
      </Stack>
    );
  }

  const data = dashboard.data;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('analytics.title')}</Title>
        <Text>{t('analytics.intro')}</Text>
        {role === 'legal' ? <Text size="sm">{t('analytics.incidentsOnly')}</Text> : null}
      </Stack>

      <Stack
        gap="sm"
        component="form"
        aria-label={t('analytics.range.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        {group === undefined ? null : (
          <SegmentedControl
            aria-label={t('analytics.scope.label')}
            value={scopeKind}
            onChange={(value) => setScopeKind(value as 'establishment' | 'group')}
            data={[
              { value: 'establishment', label: t('analytics.scope.establishment') },
              { value: 'group', label: t('analytics.scope.group', { name: group.name }) },
            ]}
            fullWidth
            styles={{ label: { whiteSpace: 'normal' } }}
            data-testid="scope-switch"
          />
        )}
        <SegmentedControl
          aria-label={t('analytics.range.label')}
          value={preset}
          onChange={(value) => {
            const next = value as RangePreset;
            if (next === 'custom' && preset !== 'custom') setCustom(range);
            setPreset(next);
          }}
          data={PRESETS.map((value) => ({ value, label: t(`analytics.range.presets.${value}`) }))}
          fullWidth
          data-testid="range-presets"
        />
        {preset === 'custom' ? (
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('analytics.range.from')}
              value={custom.from}
              max={custom.to}
              onChange={(event) => setCustom({ ...custom, from: event.currentTarget.value })}
              miw={150}
            />
            <TextInput
              type="date"
              label={t('analytics.range.to')}
              value={custom.to}
              min={custom.from}
              onChange={(event) => setCustom({ ...custom, to: event.currentTarget.value })}
              miw={150}
            />
          </Group>
        ) : null}
        {problem === null ? (
          <Text size="sm" aria-live="polite" data-testid="range-shown">
            {t('analytics.range.shown', {
              from: longDay(range.from, i18n.language),
              to: longDay(range.to, i18n.language),
              count: daysIn(range),
            })}
          </Text>
        ) : (
          <Alert color="orange" role="alert">
            {t(`analytics.range.${problem}`)}
          </Alert>
        )}
      </Stack>

      {/* The monthly report's download goes here (report-slot.tsx). */}
      <DashboardReportSlot scope={scope} />

      {dashboard.error !== null ? (
        <ErrorAlert title={t('analytics.error')}>{errorMessage(dashboard.error)}</ErrorAlert>
      ) : null}
      {data === undefined ? (
        dashboard.isFetching ? (
          <Loader aria-label={t('app.loading')} />
        ) : null
      ) : (
        <Stack
          gap="xl"
          style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}
          aria-busy={dashboard.isFetching}
        >
          <Stack gap="xs">
            {data.scope.kind === 'group' ? (
              <Text size="sm" data-testid="scope-counted">
                {t('analytics.scope.counted', {
                  count: data.scope.establishments.length,
                  names: data.scope.establishments.map((establishment) => establishment.name).join(', '),
                })}
                {data.scope.excludedEstablishments > 0
                  ? ` ${t('analytics.scope.excluded', { count: data.scope.excludedEstablishments })}`
                  : ''}
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {data.refreshedAt === null
                ? t('analytics.notRefreshed')
                : t('analytics.refreshedAt', { date: formatDateTime(data.refreshedAt, i18n.language) })}
            </Text>
          </Stack>
          <KeyFiguresGrid figures={data.keyFigures} />
          {data.establishments.length > 1 ? (
            <EstablishmentsSection rows={data.establishments} csv={csv} />
          ) : null}
          <IncidentsSection incidents={data.incidents} csv={csv} />
          {data.checks === null ? null : <ChecksSection checks={data.checks} csv={csv} />}
          {/* Null for a reader who sees the incidents only; absent set-ups say so inside. */}
          {data.checks === null ? null : <ListeningSection listening={data.listening} csv={csv} />}
          {data.checks === null ? null : <PublishingSection publishing={data.publishing} csv={csv} />}
          {data.training === null ? null : <TrainingSection training={data.training} csv={csv} />}
        </Stack>
      )}
    </Stack>
  );
}
