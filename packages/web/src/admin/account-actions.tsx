import { Button, Code, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/error-messages';
import type { Member } from '../api/types';
import { membersKey, resetPassword, setDisabled } from './admin-api';
import { ErrorAlert } from './error-alert';

type Asking = 'disable' | 'reset' | null;

/**
 * Deactivating, reactivating and resetting the password of one account, each confirmed in place.
 * The temporary password is shown once, here, to be handed over; it is never shown again.
 */
export function AccountActions({ member, establishmentId }: { member: Member; establishmentId: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);
  const name = member.displayName;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
    } catch (caught) {
      setError(message(caught));
    } finally {
      setAsking(null);
      setBusy(false);
    }
  }

  const toggle = (disabled: boolean) =>
    run(async () => {
      await setDisabled(establishmentId, member.id, disabled);
      setDone(t(disabled ? 'accounts.users.disabledDone' : 'accounts.users.enabledDone', { name }));
      await queryClient.invalidateQueries({ queryKey: membersKey(establishmentId) });
    });

  const reset = () =>
    run(async () => {
      setTemporary((await resetPassword(establishmentId, member.id)).temporaryPassword);
    });

  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        {member.disabled ? (
          <Button
            variant="outline"
            onClick={() => toggle(false)}
            loading={busy}
            aria-label={`${t('accounts.users.enable')} ${name}`}
          >
            {t('accounts.users.enable')}
          </Button>
        ) : (
          <Button
            variant="subtle"
            color="red"
            onClick={() => setAsking('disable')}
            disabled={busy || asking !== null}
            aria-label={`${t('accounts.users.disable')} ${name}`}
          >
            {t('accounts.users.disable')}
          </Button>
        )}
        {member.sso ? null : (
          <Button
            variant="subtle"
            onClick={() => setAsking('reset')}
            disabled={busy || asking !== null}
            aria-label={`${t('accounts.users.reset')} ${name}`}
          >
            {t('accounts.users.reset')}
          </Button>
        )}
      </Group>
      {asking !== null ? (
        <Paper withBorder p="sm" role="group" aria-label={t(`accounts.users.${asking}`)}>
          <Text fw={600}>
            {t(asking === 'disable' ? 'accounts.users.disableConfirm' : 'accounts.users.resetConfirm', {
              name,
            })}
          </Text>
          <Group gap="sm" mt="xs">
            <Button
              color={asking === 'disable' ? 'red' : 'blue'}
              onClick={asking === 'disable' ? () => toggle(true) : reset}
              loading={busy}
            >
              {t(asking === 'disable' ? 'accounts.users.disableYes' : 'accounts.users.resetYes')}
            </Button>
            <Button variant="default" onClick={() => setAsking(null)} disabled={busy}>
              {t('admin.users.cancel')}
            </Button>
          </Group>
        </Paper>
      ) : null}
      {temporary !== null ? (
        <Paper withBorder p="sm" role="group" aria-label={t('accounts.users.temporaryTitle', { name })}>
          <Text fw={600}>{t('accounts.users.temporaryTitle', { name })}</Text>
          <Stack gap="xs">
            <Code fz="lg" data-testid="temporary-password" style={{ overflowWrap: 'anywhere' }}>
              {temporary}
            </Code>
            <Text size="sm">{t('accounts.users.temporaryHint')}</Text>
            <Group gap="sm">
              <CopyButton value={temporary}>
                {({ copied, copy }) => (
                  <Button variant="outline" size="xs" onClick={copy}>
                    {copied ? t('accounts.users.copied') : t('accounts.users.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button variant="default" size="xs" onClick={() => setTemporary(null)}>
                {t('accounts.users.hide')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {error !== null ? <ErrorAlert title={t('admin.users.failed')}>{error}</ErrorAlert> : null}
      {done !== null ? (
        <Text role="status" size="sm">
          {done}
        </Text>
      ) : null}
    </Stack>
  );
}
