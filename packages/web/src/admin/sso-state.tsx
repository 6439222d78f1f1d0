import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/error-messages';
import type { SsoSettings } from '../api/types';
import { removeSso, setSsoEnabled, ssoKey } from './admin-api';
import { ErrorAlert } from './error-alert';

/**
 * Whether single sign-on is offered at the sign-in page: switched off (the settings stay, for
 * switching it back on) or removed (the secret with it), removal confirmed in place.
 */
export function SsoState({ establishmentId, settings }: { establishmentId: string; settings: SsoSettings }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  const toggle = () =>
    run(async () => {
      queryClient.setQueryData(
        ssoKey(establishmentId),
        await setSsoEnabled(establishmentId, !settings.enabled),
      );
    });
  const remove = () =>
    run(async () => {
      await removeSso(establishmentId);
      setConfirming(false);
      queryClient.setQueryData(ssoKey(establishmentId), null);
    });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600} role="status">
          {settings.enabled ? t('accounts.sso.on') : t('accounts.sso.off')}
        </Text>
        <Group gap="sm" wrap="wrap">
          <Button variant="outline" onClick={toggle} loading={busy && !confirming}>
            {settings.enabled ? t('accounts.sso.disable') : t('accounts.sso.enable')}
          </Button>
          {confirming ? null : (
            <Button variant="subtle" color="red" onClick={() => setConfirming(true)} disabled={busy}>
              {t('accounts.sso.remove')}
            </Button>
          )}
        </Group>
        {confirming ? (
          <Paper withBorder p="sm" role="group" aria-label={t('accounts.sso.remove')}>
            <Text fw={600}>{t('accounts.sso.removeConfirm')}</Text>
            <Group gap="sm" mt="xs">
              <Button color="red" onClick={remove} loading={busy}>
                {t('accounts.sso.removeYes')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
                {t('admin.users.cancel')}
              </Button>
            </Group>
          </Paper>
        ) : null}
        {error !== null ? <ErrorAlert title={t('admin.users.failed')}>{error}</ErrorAlert> : null}
      </Stack>
    </Paper>
  );
}
