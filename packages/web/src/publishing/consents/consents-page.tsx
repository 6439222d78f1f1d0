import { Anchor, Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../admin/error-alert';
import { client, unwrap } from '../../api/client';
import { useErrorMessage } from '../../api/error-messages';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useSignedIn } from '../../session/session-context';
import { canUsePublishing } from '../publishing-roles';
import { ConsentForm } from './consent-form';
import { consentsKey, takedownsKey } from './consent-keys';
import { ConsentStateBadge } from './consent-state-badge';
import { ConsentTermsText } from './consent-terms-text';
import { TakedownsList } from './takedowns-list';

const STATES = ['all', 'valid', 'expired', 'withdrawn'] as const;
type StateFilter = (typeof STATES)[number];

/** /publier/consentements: the register, the posts to take down, and a new consent. */
export function ConsentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('publishing.consents.title'));
  const message = useErrorMessage();
  const { membership, role } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [state, setState] = useState<StateFilter>('all');
  const allowed = canUsePublishing(role);
  const consents = useInfiniteQuery({
    queryKey: [...consentsKey(establishmentId), { q, state }],
    enabled: allowed,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/consents', {
          params: {
            path: { establishmentId },
            query: {
              state,
              ...(q === '' ? {} : { q }),
              ...(pageParam === undefined ? {} : { cursor: pageParam }),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const takedowns = useQuery({
    queryKey: takedownsKey(establishmentId),
    enabled: allowed,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/takedowns', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  if (!allowed) return <Text>{t('publishing.consents.reserved')}</Text>;
  const items = consents.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <Anchor component={Link} to="/publier" size="sm">
        ← {t('publishing.back')}
      </Anchor>
      <Title order={1}>{t('publishing.consents.title')}</Title>
      <Text>{t('publishing.consents.intro')}</Text>
      <TakedownsList items={takedowns.data?.items ?? []} />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          type="search"
          label={t('publishing.consents.search')}
          value={search}
          maxLength={200}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '2 1 14rem' }}
        />
        <Select
          label={t('publishing.consents.stateFilter')}
          data={STATES.map((value) => ({ value, label: t(`publishing.consents.state.${value}`) }))}
          value={state}
          allowDeselect={false}
          onChange={(value) => setState((value as StateFilter | null) ?? 'all')}
          style={{ flex: '1 1 10rem' }}
        />
      </Group>
      {consents.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {consents.isError ? (
        <ErrorAlert title={t('errors.generic')}>{message(consents.error)}</ErrorAlert>
      ) : null}
      {consents.data && items.length === 0 ? <Text c="dimmed">{t('publishing.consents.empty')}</Text> : null}
      <Stack
        component="ul"
        gap="sm"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        data-testid="consents"
      >
        {items.map((consent) => (
          <Paper component="li" withBorder p="sm" key={consent.id}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor
                  component={Link}
                  to={`/publier/consentements/${consent.id}`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {consent.personName}
                </Anchor>
                <ConsentStateBadge state={consent.state} />
              </Group>
              <ConsentTermsText consent={consent} />
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {consent.purpose}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {consents.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={consents.isFetchingNextPage}
            onClick={() => consents.fetchNextPage()}
          >
            {t('publishing.consents.more')}
          </Button>
        </Group>
      ) : null}
      <ConsentForm />
    </Stack>
  );
}
