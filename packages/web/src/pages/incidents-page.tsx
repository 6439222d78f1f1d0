import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, client, unwrap } from '../api/client';
import { enumValue } from '../api/enum-value';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES } from '../api/types';
import { formatNumber } from '../format';
import { DeskOnly } from '../incidents/desk-only';
import { IncidentCards } from '../incidents/incident-cards';
import { type Filters, IncidentFilters } from '../incidents/incident-filters';
import { IncidentsTable } from '../incidents/incidents-table';
import '../incidents/desk.css';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';

export function IncidentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('incidents.title'));
  return (
    <Stack>
      <Title order={1}>{t('incidents.title')}</Title>
      <DeskOnly>
        <IncidentList />
      </DeskOnly>
    </Stack>
  );
}

/** Filters live in the address, so a filtered list can be bookmarked or shared with a colleague. */
function IncidentList() {
  const { t, i18n } = useTranslation();
  const { membership, session } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    status: params.get('status') ?? '',
    severity: params.get('severity') ?? '',
    category: params.get('category') ?? '',
    mine: params.get('mine') === '1',
    overdue: params.get('overdue') === '1',
  };
  const query = useQuery({
    queryKey: ['incidents', establishmentId, filters],
    queryFn: ({ signal }) => {
      // A value from the address bar that the server would refuse is left out, not sent.
      const query = {
        sort: 'deadline' as const,
        status: enumValue(INCIDENT_STATUSES, filters.status),
        severity: enumValue(SEVERITIES, filters.severity),
        category: enumValue(INCIDENT_CATEGORIES, filters.category),
        ...(filters.mine ? { owner: session.user.id } : {}),
        ...(filters.overdue ? { overdue: 'true' as const } : {}),
      };
      return unwrap(
        client.GET('/api/establishments/{establishmentId}/incidents', {
          params: { path: { establishmentId }, query },
          signal,
        }),
      );
    },
    placeholderData: keepPreviousData,
  });

  function onFilters(next: Filters) {
    const search = new URLSearchParams();
    if (next.status !== '') search.set('status', next.status);
    if (next.severity !== '') search.set('severity', next.severity);
    if (next.category !== '') search.set('category', next.category);
    // « mine » rather than the user id: a shared address means « the reader's own ».
    if (next.mine) search.set('mine', '1');
    if (next.overdue) search.set('overdue', '1');
    setParams(search, { replace: true });
  }

  const count = query.data?.items.length ?? 0;
  return (
    <Stack>
      <Text>{t('incidents.intro')}</Text>
      <IncidentFilters value={filters} onChange={onFilters} />
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? (
        <Alert color="red" role="alert" title={t('errors.generic')}>
          {query.error instanceof ApiError ? query.error.detail : String(query.error)}
        </Alert>
      ) : null}
      {query.data ? (
        <>
          <Text role="status" size="sm">
            {t('incidents.count', { count, formattedCount: formatNumber(count, i18n.language) })}
          </Text>
          {count === 0 ? (
            <Text c="dimmed">{t('incidents.empty')}</Text>
          ) : (
            <>
              <IncidentsTable items={query.data.items} />
              <IncidentCards items={query.data.items} />
            </>
          )}
        </>
      ) : null}
    </Stack>
  );
}
