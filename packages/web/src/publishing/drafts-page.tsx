import { networkLabel } from '@blouse/contract';
import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatDateTime } from '../format';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { AccountsSection } from './accounts-section';
import { TakedownsNotice } from './consents/takedowns-notice';
import { PauseSwitch } from './pause-switch';
import { canConfigurePublishing, canUsePublishing, canWriteDrafts } from './publishing-roles';
import { StatusBadge } from './status-badge';
import { VerdictBadge } from './verdict-badge';

/** /publier: the establishment's posts in preparation, most recently changed first. */
export function DraftsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('publishing.title'));
  const message = useErrorMessage();
  const { membership, role } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const drafts = useInfiniteQuery({
    queryKey: ['publishing', establishmentId, 'drafts'],
    enabled: canUsePublishing(role),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/drafts', {
          params: { path: { establishmentId }, query: pageParam === undefined ? {} : { cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (!canUsePublishing(role)) return <Text>{t('publishing.reserved')}</Text>;
  const items = drafts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('publishing.title')}</Title>
        <Group gap="sm">
          <Button component={Link} to="/publier/calendrier" variant="default">
            {t('publishing.calendar.open')}
          </Button>
          <Button component={Link} to="/publier/consentements" variant="default">
            {t('publishing.consents.nav')}
          </Button>
          {canWriteDrafts(role) ? (
            <Button component={Link} to="/publier/nouvelle">
              {t('publishing.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Text>{t('publishing.intro')}</Text>
      <TakedownsNotice />
      {drafts.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {drafts.isError ? <ErrorAlert title={t('errors.generic')}>{message(drafts.error)}</ErrorAlert> : null}
      {drafts.data && items.length === 0 ? <Text c="dimmed">{t('publishing.empty')}</Text> : null}
      <Stack
        component="ul"
        gap="sm"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        data-testid="drafts"
      >
        {items.map((draft) => (
          <Paper component="li" withBorder p="sm" key={draft.id}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor
                  component={Link}
                  to={`/publier/${draft.id}`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {draft.title}
                </Anchor>
                <StatusBadge status={draft.status} />
              </Group>
              <Group gap="xs" wrap="wrap">
                {draft.variants.map((variant) => (
                  <VerdictBadge key={variant.network} verdict={variant.verdict}>
                    {networkLabel(variant.network, i18n.language.startsWith('en') ? 'en' : 'fr')} ·{' '}
                    {t(`publishing.verdict.${variant.verdict}`)}
                  </VerdictBadge>
                ))}
              </Group>
              <Text size="sm" c="dimmed">
                {formatDateTime(draft.updatedAt, i18n.language)}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {drafts.hasNextPage ? (
        <Button
          variant="light"
          onClick={() => void drafts.fetchNextPage()}
          loading={drafts.isFetchingNextPage}
        >
          {t('publishing.more')}
        </Button>
      ) : null}
      {canConfigurePublishing(role) ? (
        <>
          <PauseSwitch />
          <AccountsSection />
        </>
      ) : null}
    </Stack>
  );
}
