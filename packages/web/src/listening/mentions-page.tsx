import { Button, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatNumber } from '../format';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { addressOf, filtersFrom, periodRange } from './listening-filters';
import { MentionCard } from './mention-card';
import { MentionFiltersForm } from './mention-filters';
import { VolumeChart } from './volume-chart';

const PAGE_SIZE = 50;

/**
 * /veille: the volume chart over the period, then the mentions, newest first, a page at a time.
 * Filters live in the address, so a filtered stream can be bookmarked or sent to a colleague.
 */
export function MentionsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('listening.title'));
  const message = useErrorMessage();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  // Whole hours: the range, and so the query keys, stay the same while the reader stays.
  const hour = new Date().toISOString().slice(0, 13);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the hour turns, on purpose.
  const range = useMemo(() => periodRange(filters.period, new Date()), [filters.period, hour]);

  const terms = useQuery({
    queryKey: ['listening', establishmentId, 'terms'],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/terms', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  const volume = useQuery({
    queryKey: ['listening', establishmentId, 'volume', range],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/volume', {
          params: { path: { establishmentId }, query: range },
          signal,
        }),
      ),
  });
  const mentions = useInfiniteQuery({
    queryKey: ['listening', establishmentId, 'mentions', filters, range],
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/mentions', {
          params: {
            path: { establishmentId },
            query: {
              limit: PAGE_SIZE,
              from: range.from,
              to: range.to,
              ...(filters.q === '' ? {} : { q: filters.q }),
              ...(filters.source === '' ? {} : { source: filters.source as never }),
              ...(filters.category === '' ? {} : { category: filters.category as never }),
              ...(filters.verdict === '' ? {} : { verdict: filters.verdict as never }),
              ...(filters.term === '' ? {} : { term: filters.term }),
              ...(pageParam === null ? {} : { cursor: pageParam }),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = mentions.data?.pages.flatMap((page) => page.items) ?? [];
  const termWords = [
    ...new Set(
      (terms.data?.items ?? []).filter((term) => term.kind !== 'exclusion').map((term) => term.term),
    ),
  ];

  return (
    <Stack>
      <Title order={1}>{t('listening.title')}</Title>
      <Text>{t('listening.intro')}</Text>
      <MentionFiltersForm
        key={filters.q}
        value={filters}
        terms={termWords}
        onChange={(next) => setParams(addressOf(next), { replace: true })}
      />
      {volume.isError ? <ErrorAlert title={t('errors.generic')}>{message(volume.error)}</ErrorAlert> : null}
      {volume.data ? <VolumeChart volume={volume.data} /> : null}
      <Title order={2} size="h3">
        {t('listening.stream.heading')}
      </Title>
      {mentions.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {mentions.isError ? (
        <ErrorAlert title={t('errors.generic')}>{message(mentions.error)}</ErrorAlert>
      ) : null}
      {mentions.data ? (
        <>
          <Text role="status" size="sm" data-testid="mentions-count">
            {t('listening.stream.count', {
              count: items.length,
              formattedCount: formatNumber(items.length, i18n.language),
            })}
          </Text>
          {items.length === 0 ? <Text c="dimmed">{t('listening.stream.empty')}</Text> : null}
          <Stack
            gap="sm"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="mentions"
          >
            {items.map((mention) => (
              <li key={mention.id}>
                <MentionCard mention={mention} />
              </li>
            ))}
          </Stack>
          {mentions.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void mentions.fetchNextPage()}
              loading={mentions.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('listening.stream.more')}
            </Button>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
