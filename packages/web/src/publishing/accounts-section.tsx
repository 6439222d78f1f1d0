import { DEFAULT_SERVICE_URLS, networkLabel, type PublishingNetwork } from '@blouse/contract';
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
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
import { fieldError } from '../listening/field-error';
import { useSignedIn } from '../session/session-context';

/**
 * The establishment's accounts on the networks this server publishes to (the server says which):
 * the secret (an app password, an access token) is sealed by the server and never shown again.
 */
export function AccountsSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const key = ['publishing', establishmentId, 'accounts'];
  const [network, setNetwork] = useState<PublishingNetwork>('bluesky');
  const [serviceUrl, setServiceUrl] = useState(DEFAULT_SERVICE_URLS.bluesky);
  const [identifier, setIdentifier] = useState('');
  const [secret, setSecret] = useState('');
  const accounts = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/accounts', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  const connect = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT('/api/establishments/{establishmentId}/publishing/accounts/{network}', {
          params: { path: { establishmentId, network } },
          body: { serviceUrl: serviceUrl.trim(), identifier: identifier.trim(), secret },
        }),
      ),
    onSuccess: async () => {
      setSecret('');
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="accounts-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="accounts-heading">
          {t('publishing.accounts.heading')}
        </Title>
        {accounts.data?.items.length === 0 ? <Text size="sm">{t('publishing.accounts.none')}</Text> : null}
        {accounts.data?.items.map((account) => (
          <Text key={account.id} size="sm" data-testid="account">
            {t('publishing.accounts.connected', {
              network: networkLabel(account.network, language),
              identifier: account.identifier,
            })}
          </Text>
        ))}
        <Group
          component="form"
          gap="sm"
          wrap="wrap"
          align="flex-end"
          onSubmit={(event) => {
            event.preventDefault();
            connect.mutate();
          }}
        >
          {(accounts.data?.connectable.length ?? 0) > 1 ? (
            <NativeSelect
              label={t('publishing.accounts.network')}
              value={network}
              onChange={(event) => {
                const next = accounts.data?.connectable.find((value) => value === event.currentTarget.value);
                if (next === undefined) return;
                setNetwork(next);
                setServiceUrl(DEFAULT_SERVICE_URLS[next]);
              }}
              data={(accounts.data?.connectable ?? []).map((value) => ({
                value,
                label: networkLabel(value, language),
              }))}
            />
          ) : null}
          <TextInput
            label={t(`publishing.accounts.server_${network}`, {
              defaultValue: t('publishing.accounts.server'),
            })}
            value={serviceUrl}
            required
            onChange={(event) => setServiceUrl(event.currentTarget.value)}
            error={fieldError(connect.error, 'serviceUrl')}
            style={{ flex: '1 1 14rem', minWidth: 0 }}
          />
          <TextInput
            label={t(`publishing.accounts.identifier_${network}`, {
              defaultValue: t('publishing.accounts.identifier'),
            })}
            value={identifier}
            required
            onChange={(event) => setIdentifier(event.currentTarget.value)}
            style={{ flex: '1 1 12rem', minWidth: 0 }}
          />
          <PasswordInput
            label={t(`publishing.accounts.secret_${network}`, {
              defaultValue: t('publishing.accounts.secret'),
            })}
            value={secret}
            required
            autoComplete="off"
            onChange={(event) => setSecret(event.currentTarget.value)}
            style={{ flex: '1 1 12rem', minWidth: 0 }}
          />
          <Button type="submit" loading={connect.isPending}>
            {t('publishing.accounts.connect', { network: networkLabel(network, language) })}
          </Button>
        </Group>
        {connect.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(connect.error)}</ErrorAlert>
        ) : null}
      </Stack>
    </Paper>
  );
}
