import { Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { AlertCard } from './alert-card';

/** /veille/alertes: every alert, newest first, a page at a time. */
export function AlertsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('listening.alerts.title'));
  const message = useErrorMessage();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const alerts = useInfiniteQuery({
    queryKey: ['listening', establishmentId, 'alerts'],
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/alerts', {
          params: {
            path: { establishmentId },
            query: { limit: 50, ...(pageParam === null ? {} : { cursor: pageParam }) },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <Title order={1}>{t('listening.alerts.title')}</Title>
      <Text>{t('listening.alerts.intro')}</Text>
      {alerts.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {alerts.isError ? <ErrorAlert title={t('errors.generic')}>{message(alerts.error)}</ErrorAlert> : null}
      {alerts.data && items.length === 0 ? <Text c="dimmed">{t('listening.alerts.empty')}</Text> : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((alert) => (
          <li key={alert.id}>
            <AlertCard alert={alert} />
          </li>
        ))}
      </Stack>
      {alerts.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void alerts.fetchNextPage()}
          loading={alerts.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('listening.alerts.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
