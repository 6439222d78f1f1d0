import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useDocumentTitle } from '../layout/use-document-title';

/**
 * After an administrator's reset, the temporary password opens only this: choosing one's own
 * password (the server refuses everything else until then).
 */
export function PasswordChangePage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('accounts.password.title'));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(client.POST('/api/session/password', { body: { current, next } }));
      await queryClient.invalidateQueries({ queryKey: ['session'] });
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit}>
      <Stack maw="32rem">
        <Title order={1}>{t('accounts.password.title')}</Title>
        <Alert color="blue" styles={{ message: { color: 'var(--mantine-color-blue-9)' } }}>
          {t('accounts.password.intro')}
        </Alert>
        <PasswordInput
          label={t('accounts.password.current')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('accounts.password.next')}
          description={t('accounts.password.nextHint')}
          autoComplete="new-password"
          required
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
        />
        {error !== null ? <ErrorAlert title={t('admin.users.failed')}>{error}</ErrorAlert> : null}
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('accounts.password.save')}
        </Button>
        <Text size="sm">{t('accounts.password.after')}</Text>
      </Stack>
    </form>
  );
}
