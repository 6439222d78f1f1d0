import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../admin/error-alert';
import { client, unwrap } from '../../api/client';
import { useErrorMessage } from '../../api/error-messages';
import type { PublishingDraft } from '../../api/types';
import { DARK_RED } from '../../listening/listening-words';
import { useSignedIn } from '../../session/session-context';
import { draftKey } from '../draft-key';
import { consentsKey } from './consent-keys';
import { ConsentStateBadge } from './consent-state-badge';
import { ConsentTermsText } from './consent-terms-text';

type Linked = PublishingDraft['people']['consents'][number];

/**
 * Who the post names or shows: consents picked from the register (in force today), and the
 * author's statement that the photos show nobody. Saved together as a new revision; the guard
 * then reads the variants again with the names now consented to.
 */
export function PeopleSection({ draft }: { draft: PublishingDraft }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const establishmentId = useSignedIn().membership.establishmentId;
  const editable = draft.actions.edit;
  const [linked, setLinked] = useState<Linked[]>(draft.people.consents);
  const [nobodyShown, setNobodyShown] = useState(draft.people.nobodyShown);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [...consentsKey(establishmentId), { q, state: 'valid', picker: true }],
    enabled: editable && q !== '',
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/consents', {
          params: { path: { establishmentId }, query: { q, state: 'valid', limit: 10 } },
          signal,
        }),
      ),
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT('/api/establishments/{establishmentId}/publishing/drafts/{draftId}/people', {
          params: { path: { establishmentId, draftId: draft.id } },
          body: { revision: draft.revision, consentIds: linked.map((c) => c.id), nobodyShown },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(draftKey(establishmentId, draft.id), saved),
  });
  // As sets: the server lists people by name, the page in the order they were added.
  const idsOf = (list: readonly { id: string }[]) =>
    list
      .map((c) => c.id)
      .sort()
      .join();
  const changed = nobodyShown !== draft.people.nobodyShown || idsOf(linked) !== idsOf(draft.people.consents);
  const candidates = (found.data?.items ?? []).filter((c) => !linked.some((l) => l.id === c.id));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="people-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="people-heading">
            {t('publishing.people.heading')}
          </Title>
          <Anchor component={Link} to="/publier/consentements" size="sm">
            {t('publishing.people.register')}
          </Anchor>
        </Group>
        <Text size="sm">{t('publishing.people.hint')}</Text>
        {draft.people.problems.length > 0 ? (
          <Alert
            color="orange.9"
            // Orange-9 on white is 4.3:1: the title in dark grey reads at every size.
            styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
            variant="outline"
            title={t('publishing.people.problems')}
            data-testid="people-problems"
          >
            <Stack component="ul" gap={2} style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
              {draft.people.problems.map((problem) => (
                <Text component="li" size="sm" key={problem.field}>
                  {problem.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {linked.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('publishing.people.none')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="people"
          >
            {linked.map((consent) => (
              <Group component="li" key={consent.id} justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/publier/consentements/${consent.id}`} fw={600}>
                      {consent.personName}
                    </Anchor>
                    <ConsentStateBadge state={consent.state} />
                  </Group>
                  <ConsentTermsText consent={consent} />
                </Stack>
                {editable ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    style={DARK_RED}
                    aria-label={t('publishing.people.removeLabel', { name: consent.personName })}
                    onClick={() => setLinked(linked.filter((c) => c.id !== consent.id))}
                  >
                    {t('publishing.people.remove')}
                  </Button>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        {editable ? (
          <>
            <TextInput
              type="search"
              label={t('publishing.people.search')}
              value={search}
              maxLength={200}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
            {q !== '' && found.data && candidates.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('publishing.people.nothingFound')}
              </Text>
            ) : null}
            {candidates.length > 0 ? (
              <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {candidates.map((consent) => (
                  <Group component="li" key={consent.id} justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={0} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {consent.personName}
                      </Text>
                      <ConsentTermsText consent={consent} />
                    </Stack>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${t('publishing.people.add')} : ${consent.personName}`}
                      onClick={() => {
                        setLinked([...linked, { ...consent }]);
                        setSearch('');
                      }}
                    >
                      {t('publishing.people.add')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            ) : null}
            <Checkbox
              label={t('publishing.people.nobodyShown')}
              checked={nobodyShown}
              onChange={(event) => setNobodyShown(event.currentTarget.checked)}
            />
            <Group>
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>
                {t('publishing.people.save')}
              </Button>
            </Group>
          </>
        ) : draft.people.nobodyShown ? (
          <Text size="sm">{t('publishing.people.nobodyShown')}</Text>
        ) : null}
        {save.isError ? <ErrorAlert title={t('errors.generic')}>{message(save.error)}</ErrorAlert> : null}
      </Stack>
    </Paper>
  );
}
