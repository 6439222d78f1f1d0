import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { IncidentSummary } from '../api/types';
import { formatNumber } from '../format';
import { DeskOnly } from '../incidents/desk-only';
import { type Filters, IncidentFilters } from '../incidents/incident-filters';
import { IncidentsTable } from '../incidents/incidents-table';
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
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [params, setParams] = useSearchParams();
  const filters: Filters = { status: params.get('status') ?? '', severity: params.get('severity') ?? '' };
  const query = useQuery({
    queryKey: ['incidents', establishmentId, filters.status, filters.severity],
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ sort: 'deadline' });
      if (filters.status !== '') search.set('status', filters.status);
      if (filters.severity !== '') search.set('severity', filters.severity);
      return api<{ items: IncidentSummary[] }>(
        `/api/establishments/${encodeURIComponent(establishmentId)}/incidents?${search}`,
        { signal },
      );
    },
    placeholderData: keepPreviousData,
  });

  function onFilters(next: Filters) {
    const search = new URLSearchParams();
    if (next.status !== '') search.set('status', next.status);
    if (next.severity !== '') search.set('severity', next.severity);
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
            <IncidentsTable items={query.data.items} />
          )}
        </>
      ) : null}
    </Stack>
  );
}
