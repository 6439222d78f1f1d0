import { Button, Code, Group, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/error-messages';
import type { Role, SsoSettings } from '../api/types';
import { saveSso, ssoKey, testSso } from './admin-api';
import { ErrorAlert } from './error-alert';
import { roleOptions } from './role-options';

/**
 * The establishment's OpenID Connect provider. The secret is write-only: the server never
 * returns it, so the field starts empty and must be typed again on every save.
 */
export function SsoForm({
  establishmentId,
  initial,
}: {
  establishmentId: string;
  initial: SsoSettings | null;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [issuer, setIssuer] = useState(initial?.issuer ?? '');
  const [clientId, setClientId] = useState(initial?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [defaultRole, setDefaultRole] = useState<Role>(initial?.defaultRole ?? 'agent');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [tested, setTested] = useState(false);
  const required = (value: string) => (touched && value.trim() === '' ? t('admin.users.required') : null);

  const input = () => ({ issuer: issuer.trim(), clientId: clientId.trim(), clientSecret, defaultRole });
  const complete = () => [issuer, clientId, clientSecret].every((value) => value.trim() !== '');

  // The server tries the provider (discovery, then the client) and says in French what failed.
  async function onTest() {
    setTouched(true);
    setSaved(false);
    setTested(false);
    if (!complete()) return;
    setBusy(true);
    setError(null);
    try {
      await testSso(establishmentId, input());
      setTested(true);
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSaved(false);
    setTested(false);
    if (!complete()) return;
    setBusy(true);
    setError(null);
    try {
      const stored = await saveSso(establishmentId, input());
      queryClient.setQueryData(ssoKey(establishmentId), stored);
      setClientSecret('');
      setTouched(false);
      setSaved(true);
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text>
          {initial === null
            ? t('admin.sso.notConfigured')
            : t('admin.sso.configured', { issuer: initial.issuer })}
        </Text>
        <Text size="sm">
          {t('admin.sso.callback')} <Code>{`${window.location.origin}/api/sso/callback`}</Code>
        </Text>
        <TextInput
          label={t('admin.sso.issuer')}
          description={t('admin.sso.issuerHint')}
          type="url"
          required
          maxLength={500}
          placeholder="https://"
          value={issuer}
          error={required(issuer)}
          onChange={(event) => setIssuer(event.currentTarget.value)}
        />
        <TextInput
          label={t('admin.sso.clientId')}
          required
          maxLength={300}
          autoComplete="off"
          value={clientId}
          error={required(clientId)}
          onChange={(event) => setClientId(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('admin.sso.clientSecret')}
          description={t('admin.sso.clientSecretHint')}
          required
          maxLength={500}
          autoComplete="new-password"
          value={clientSecret}
          error={required(clientSecret)}
          onChange={(event) => setClientSecret(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('admin.sso.defaultRole')}
          description={t('admin.sso.defaultRoleHint')}
          value={defaultRole}
          onChange={(event) => setDefaultRole(event.currentTarget.value as Role)}
          data={roleOptions(t)}
        />
        {error !== null ? <ErrorAlert title={t('admin.users.failed')}>{error}</ErrorAlert> : null}
        <Group gap="sm" wrap="wrap">
          <Button variant="outline" onClick={onTest} disabled={busy}>
            {t('accounts.sso.test')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('admin.sso.save')}
          </Button>
        </Group>
        <Text role="status">{saved ? t('admin.sso.saved') : tested ? t('accounts.sso.tested') : ''}</Text>
      </Stack>
    </form>
  );
}
