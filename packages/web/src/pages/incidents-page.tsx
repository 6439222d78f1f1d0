import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, client, unwrap } from '../api/client';
import { enumValue } from '../api/enum-value';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES } from '../api/types';
import { formatNumber } from '../format';
import { DeskOnly } from '../incidents/desk-only';
import { IncidentCards } from '../incidents/incident-cards';
import { type Filters, IncidentFilters, LIST_SORTS, type ListSort } from '../incidents/incident-filters';
import { IncidentsTable } from '../incidents/incidents-table';
import { SeverityLegend } from '../incidents/severity-legend';
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

const PAGE_SIZE = 50;
/** Most urgent first, as the page promises; other orders are chosen in the list. */
const DEFAULT_SORT: ListSort = 'deadline';

function filtersFrom(params: URLSearchParams): Filters {
  const sort = params.get('sort') ?? '';
  return {
    status: params.get('status') ?? '',
    severity: params.get('severity') ?? '',
    category: params.get('category') ?? '',
    mine: params.get('mine') === '1',
    overdue: params.get('overdue') === '1',
    q: params.get('q') ?? '',
    sort: (LIST_SORTS as readonly string[]).includes(sort) ? (sort as ListSort) : DEFAULT_SORT,
  };
}

/** The address of a filtered list: short, readable, and the same for whoever opens it. */
function addressOf(filters: Filters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q !== '') search.set('q', filters.q);
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort);
  if (filters.status !== '') search.set('status', filters.status);
  if (filters.severity !== '') search.set('severity', filters.severity);
  if (filters.category !== '') search.set('category', filters.category);
  // « mine » rather than the user id: a shared address means « the reader's own ».
  if (filters.mine) search.set('mine', '1');
  if (filters.overdue) search.set('overdue', '1');
  return search;
}

/**
 * Filters, search and order live in the address, so a list can be bookmarked or shared with a
 * colleague. The server sends a page at a time; « Afficher plus » asks for the next one.
 */
function IncidentList() {
  const { t, i18n } = useTranslation();
  const { membership, session } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const query = useInfiniteQuery({
    queryKey: ['incidents', establishmentId, filters],
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) => {
      // A value from the address bar that the server would refuse is left out, not sent.
      const query = {
        sort: filters.sort,
        limit: PAGE_SIZE,
        ...(filters.q !== '' ? { q: filters.q } : {}),
        status: enumValue(INCIDENT_STATUSES, filters.status),
        severity: enumValue(SEVERITIES, filters.severity),
        category: enumValue(INCIDENT_CATEGORIES, filters.category),
        ...(filters.mine ? { owner: session.user.id } : {}),
        ...(filters.overdue ? { overdue: 'true' as const } : {}),
        ...(pageParam !== null ? { cursor: pageParam } : {}),
      };
      return unwrap(
        client.GET('/api/establishments/{establishmentId}/incidents', {
          params: { path: { establishmentId }, query },
          signal,
        }),
      );
    },
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages.at(-1)?.total ?? 0;
  const count = (n: number) => formatNumber(n, i18n.language);
  return (
    <Stack>
      <Text>{t('incidents.intro')}</Text>
      <IncidentFilters
        key={filters.q}
        value={filters}
        onChange={(next) => setParams(addressOf(next), { replace: true })}
      />
      <SeverityLegend />
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? (
        <Alert color="red" role="alert" title={t('errors.generic')}>
          {query.error instanceof ApiError ? query.error.detail : String(query.error)}
        </Alert>
      ) : null}
      {query.data ? (
        <>
          <Text role="status" size="sm" data-testid="incidents-count">
            {items.length < total
              ? t('desk.list.shown', { shown: count(items.length), total: count(total) })
              : t('incidents.count', { count: total, formattedCount: count(total) })}
          </Text>
          {total === 0 ? (
            <Text c="dimmed">{t('incidents.empty')}</Text>
          ) : (
            <>
              <IncidentsTable items={items} />
              <IncidentCards items={items} />
            </>
          )}
          {query.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void query.fetchNextPage()}
              loading={query.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('desk.list.more')}
            </Button>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
