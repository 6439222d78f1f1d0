import { ALERT_TIERS } from '@blouse/contract';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
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
import { useSignedIn } from '../session/session-context';
import { fieldError } from './field-error';
import { DARK_RED, toned, useListeningWords } from './listening-words';

type Tier = (typeof ALERT_TIERS)[number];
type Channel = 'email' | 'webhook';

/** Alert routes: who receives which tier, by mail or webhook, and when to stay quiet. */
export function RoutesSection() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const words = useListeningWords();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const key = ['listening', establishmentId, 'routes'];
  const [tier, setTier] = useState<Tier>('immediate');
  const [channel, setChannel] = useState<Channel>('email');
  const [target, setTarget] = useState('');
  const [quietFrom, setQuietFrom] = useState('');
  const [quietUntil, setQuietUntil] = useState('');
  const routes = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/routes', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/listening/routes', {
          params: { path: { establishmentId } },
          body: {
            tier,
            channel,
            target: target.trim(),
            quietFrom: quietFrom === '' ? null : quietFrom,
            quietUntil: quietUntil === '' ? null : quietUntil,
          },
        }),
      ),
    onSuccess: async () => {
      setTarget('');
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (routeId: string) =>
      unwrap(
        client.DELETE('/api/establishments/{establishmentId}/listening/routes/{routeId}', {
          params: { path: { establishmentId, routeId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const items = routes.data?.items ?? [];
  const secret = add.data?.secret ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="routes-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="routes-heading">
          {t('listening.settings.routes.heading')}
        </Title>
        <Text size="sm">{t('listening.settings.routes.hint')}</Text>
        {routes.isError ? <ErrorAlert title={t('errors.generic')}>{message(routes.error)}</ErrorAlert> : null}
        {routes.data && items.length === 0 ? (
          <Text c="dimmed">{t('listening.settings.routes.empty')}</Text>
        ) : null}
        <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((route) => (
            <Group component="li" key={route.id} gap="xs" wrap="wrap" justify="space-between">
              <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                <Badge variant="light" color="red.9" styles={toned('red.9')}>
                  {words.tier(route.tier)}
                </Badge>
                <Text size="sm">{t(`listening.settings.routes.channels.${route.channel}`)} :</Text>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {route.target}
                </Text>
                {route.quietFrom !== null && route.quietUntil !== null ? (
                  <Text size="sm" c="dimmed">
                    (
                    {t('listening.settings.routes.quiet', { from: route.quietFrom, until: route.quietUntil })}
                    )
                  </Text>
                ) : null}
              </Group>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                style={DARK_RED}
                aria-label={t('listening.settings.removeLabel', { name: route.target })}
                onClick={() => remove.mutate(route.id)}
                loading={remove.isPending && remove.variables === route.id}
              >
                {t('listening.settings.remove')}
              </Button>
            </Group>
          ))}
        </Stack>
        {remove.isError ? <ErrorAlert title={t('errors.generic')}>{message(remove.error)}</ErrorAlert> : null}
        {secret === null ? null : (
          <Alert
            color="yellow"
            title={t('listening.settings.routes.secretTitle')}
            role="status"
            styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
          >
            <Stack gap="xs">
              <Text size="sm">{t('listening.settings.routes.secretOnce')}</Text>
              <Code
                block
                style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
                data-testid="webhook-secret"
              >
                {secret}
              </Code>
              <CopyButton value={secret}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'filled' : 'default'}
                    color={copied ? 'teal.9' : undefined}
                    onClick={copy}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {copied ? t('listening.settings.routes.copied') : t('listening.settings.routes.copy')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        )}
        <Stack
          component="form"
          gap="sm"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Group gap="sm" wrap="wrap" align="flex-start">
            <NativeSelect
              label={t('listening.settings.routes.tier')}
              value={tier}
              onChange={(event) => setTier(event.currentTarget.value as Tier)}
              data={ALERT_TIERS.map((value) => ({ value, label: words.tier(value) }))}
              error={fieldError(add.error, 'tier')}
            />
            <NativeSelect
              label={t('listening.settings.routes.channel')}
              value={channel}
              onChange={(event) => setChannel(event.currentTarget.value as Channel)}
              data={(['email', 'webhook'] as const).map((value) => ({
                value,
                label: t(`listening.settings.routes.channels.${value}`),
              }))}
              error={fieldError(add.error, 'channel')}
            />
            <TextInput
              type={channel === 'email' ? 'email' : 'url'}
              label={
                channel === 'email'
                  ? t('listening.settings.routes.targetEmail')
                  : t('listening.settings.routes.targetWebhook')
              }
              value={target}
              onChange={(event) => setTarget(event.currentTarget.value)}
              required
              maxLength={500}
              error={fieldError(add.error, 'target')}
              style={{ flex: '1 1 16rem', minWidth: 0 }}
            />
          </Group>
          <Group gap="sm" wrap="wrap" align="flex-start">
            <TextInput
              type="time"
              label={t('listening.settings.routes.quietFrom')}
              value={quietFrom}
              onChange={(event) => setQuietFrom(event.currentTarget.value)}
              error={fieldError(add.error, 'quietFrom')}
            />
            <TextInput
              type="time"
              label={t('listening.settings.routes.quietUntil')}
              value={quietUntil}
              onChange={(event) => setQuietUntil(event.currentTarget.value)}
              error={fieldError(add.error, 'quietUntil')}
            />
          </Group>
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('listening.settings.routes.add')}
          </Button>
          {add.isError ? <ErrorAlert title={t('errors.generic')}>{message(add.error)}</ErrorAlert> : null}
        </Stack>
      </Stack>
    </Paper>
  );
}
