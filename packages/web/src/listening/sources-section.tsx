import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import type { components } from '../api/schema';
import { formatDateTime } from '../format';
import { useSignedIn } from '../session/session-context';
import { fieldError } from './field-error';
import { DARK_RED, toned, useListeningWords } from './listening-words';
import {
  CONFIGURABLE_KINDS,
  type ConfigurableKind,
  EMPTY_SOURCE,
  type SourceDraft,
  settingsOf,
} from './source-settings';

type Source = components['schemas']['ListeningSource'];

/** Sources: where listening reads, whether each reads well, and the form to add one. */
export function SourcesSection() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const key = ['listening', establishmentId, 'sources'];
  const sources = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/sources', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  const change = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      unwrap(
        client.PATCH('/api/establishments/{establishmentId}/listening/sources/{sourceId}', {
          params: { path: { establishmentId, sourceId: id } },
          body: { enabled },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        client.DELETE('/api/establishments/{establishmentId}/listening/sources/{sourceId}', {
          params: { path: { establishmentId, sourceId: id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const items = sources.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sources-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sources-heading">
          {t('listening.settings.sources.heading')}
        </Title>
        <Text size="sm">{t('listening.settings.sources.hint')}</Text>
        {sources.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(sources.error)}</ErrorAlert>
        ) : null}
        {sources.data && items.length === 0 ? (
          <Text c="dimmed">{t('listening.settings.sources.empty')}</Text>
        ) : null}
        <Stack
          component="ul"
          gap="xs"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-testid="sources"
        >
          {items.map((source) => (
            <li key={source.id}>
              <SourceRow
                source={source}
                busy={
                  (change.isPending && change.variables?.id === source.id) ||
                  (remove.isPending && remove.variables === source.id)
                }
                onToggle={() => change.mutate({ id: source.id, enabled: !source.enabled })}
                onRemove={() => remove.mutate(source.id)}
              />
            </li>
          ))}
        </Stack>
        {change.isError ? <ErrorAlert title={t('errors.generic')}>{message(change.error)}</ErrorAlert> : null}
        {remove.isError ? <ErrorAlert title={t('errors.generic')}>{message(remove.error)}</ErrorAlert> : null}
        <NewSourceForm onAdded={() => queryClient.invalidateQueries({ queryKey: key })} />
      </Stack>
    </Paper>
  );
}

function SourceRow({
  source,
  busy,
  onToggle,
  onRemove,
}: {
  source: Source;
  busy: boolean;
  onToggle: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const words = useListeningWords();
  // Where it reads: a feed's URL, a Mastodon instance, a Bluesky firehose.
  const address =
    [source.settings.url, source.settings.instance, source.settings.service].find(
      (value): value is string => typeof value === 'string',
    ) ?? null;
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {source.name}
            </Text>
            <Badge variant="light" color="gray.8" styles={toned('gray.8')}>
              {words.source(source.kind)}
            </Badge>
            <Badge
              variant="outline"
              color={source.enabled ? 'teal.9' : 'gray.8'}
              styles={toned(source.enabled ? 'teal.9' : 'gray.8')}
            >
              {source.enabled
                ? t('listening.settings.sources.enabled')
                : t('listening.settings.sources.disabled')}
            </Badge>
          </Group>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onToggle} disabled={busy}>
              {source.enabled
                ? t('listening.settings.sources.disable', { name: source.name })
                : t('listening.settings.sources.enable', { name: source.name })}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              style={DARK_RED}
              onClick={onRemove}
              disabled={busy}
              aria-label={t('listening.settings.removeLabel', { name: source.name })}
            >
              {t('listening.settings.remove')}
            </Button>
          </Group>
        </Group>
        {address === null ? null : (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {address}
          </Text>
        )}
        <Text size="sm">
          {t('listening.settings.sources.lastRead')} :{' '}
          {source.lastReadAt === null
            ? t('listening.settings.sources.never')
            : formatDateTime(source.lastReadAt, i18n.language)}
          {source.failures > 0
            ? ` · ${t('listening.settings.sources.failures', { count: source.failures })}`
            : ''}
          {source.nextAttemptAt !== null && source.failures > 0
            ? ` · ${t('listening.settings.sources.nextAttempt')} : ${formatDateTime(source.nextAttemptAt, i18n.language)}`
            : ''}
        </Text>
        {source.lastError === null ? null : (
          <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
            {t('listening.settings.sources.lastError')} : {source.lastError}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function NewSourceForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const words = useListeningWords();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [draft, setDraft] = useState<SourceDraft>(EMPTY_SOURCE);
  const set = (patch: Partial<SourceDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/listening/sources', {
          params: { path: { establishmentId } },
          body: { kind: draft.kind, name: draft.name.trim(), settings: settingsOf(draft), enabled: true },
        }),
      ),
    onSuccess: async () => {
      setDraft(EMPTY_SOURCE);
      await onAdded();
    },
  });
  const error = (field: string) => fieldError(add.error, field);
  return (
    <Stack
      component="form"
      gap="sm"
      aria-labelledby="new-source-heading"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <Title order={3} size="h4" id="new-source-heading">
        {t('listening.settings.sources.add')}
      </Title>
      <Group gap="sm" wrap="wrap" align="flex-start">
        <NativeSelect
          label={t('listening.settings.sources.kind')}
          value={draft.kind}
          onChange={(event) => set({ kind: event.currentTarget.value as ConfigurableKind })}
          data={CONFIGURABLE_KINDS.map((kind) => ({ value: kind, label: words.source(kind) }))}
          error={error('kind')}
        />
        <TextInput
          label={t('listening.settings.sources.name')}
          value={draft.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          required
          maxLength={200}
          error={error('name')}
          style={{ flex: '1 1 14rem', minWidth: 0 }}
        />
      </Group>
      {draft.kind === 'rss' ? (
        <Group gap="sm" wrap="wrap" align="flex-start">
          <TextInput
            type="url"
            label={t('listening.settings.sources.rssUrl')}
            description={t('listening.settings.sources.rssUrlHint')}
            value={draft.url}
            onChange={(event) => set({ url: event.currentTarget.value })}
            required
            error={error('settings.url')}
            style={{ flex: '1 1 18rem', minWidth: 0 }}
          />
          <NativeSelect
            label={t('listening.settings.sources.authorKind')}
            value={draft.authorKind}
            onChange={(event) => set({ authorKind: event.currentTarget.value as SourceDraft['authorKind'] })}
            data={(['press', 'official', 'person'] as const).map((value) => ({
              value,
              label: t(`listening.settings.sources.authorKinds.${value}`),
            }))}
            error={error('settings.authorKind')}
          />
        </Group>
      ) : null}
      {draft.kind === 'mastodon' ? (
        <Group gap="sm" wrap="wrap" align="flex-start">
          <TextInput
            type="url"
            label={t('listening.settings.sources.instance')}
            description={t('listening.settings.sources.instanceHint')}
            value={draft.instance}
            onChange={(event) => set({ instance: event.currentTarget.value })}
            required
            error={error('settings.instance')}
            style={{ flex: '1 1 14rem', minWidth: 0 }}
          />
          <TextInput
            label={t('listening.settings.sources.hashtags')}
            description={t('listening.settings.sources.hashtagsHint')}
            value={draft.hashtags}
            onChange={(event) => set({ hashtags: event.currentTarget.value })}
            error={error('settings.hashtags')}
            style={{ flex: '1 1 14rem', minWidth: 0 }}
          />
        </Group>
      ) : null}
      {draft.kind === 'bluesky' ? (
        <TextInput
          type="url"
          label={t('listening.settings.sources.service')}
          description={t('listening.settings.sources.serviceHint')}
          value={draft.service}
          onChange={(event) => set({ service: event.currentTarget.value })}
          required
          error={error('settings.service')}
        />
      ) : null}
      <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('listening.settings.sources.add')}
      </Button>
      {add.isError ? <ErrorAlert title={t('errors.generic')}>{message(add.error)}</ErrorAlert> : null}
      {add.isSuccess ? (
        <Text size="sm" role="status">
          {t('listening.settings.sources.added', { name: add.data.name })}
        </Text>
      ) : null}
    </Stack>
  );
}
