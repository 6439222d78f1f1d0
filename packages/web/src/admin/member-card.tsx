import { Badge, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/error-messages';
import type { Member, Role } from '../api/types';
import { AccountActions } from './account-actions';
import { changeRole, membersKey, removeMember } from './admin-api';
import { ErrorAlert } from './error-alert';
import { roleOptions } from './role-options';

interface Props {
  member: Member;
  establishmentId: string;
  isSelf: boolean;
  /** Told after a removal, so the page can say it once the card is gone. */
  onRemoved: (name: string) => void;
}

/**
 * One person: their role (changed with an explicit button, so that moving through the list with
 * the keyboard never changes a role by accident) and removal, confirmed in place.
 */
export function MemberCard({ member, establishmentId, isSelf, onRemoved }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(member.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const name = member.displayName;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await action();
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  const onSaveRole = () =>
    run(async () => {
      const updated = await changeRole(establishmentId, member.id, role);
      await queryClient.invalidateQueries({ queryKey: membersKey(establishmentId) });
      setSaved(t('admin.users.roleSaved', { name, role: t(`roles.${updated.role}`) }));
    });

  const onRemove = () =>
    run(async () => {
      try {
        await removeMember(establishmentId, member.id);
      } finally {
        // Refused or done, the question is answered: the outcome shows instead.
        setConfirming(false);
      }
      onRemoved(name);
      await queryClient.invalidateQueries({ queryKey: membersKey(establishmentId) });
    });

  return (
    <Paper withBorder p="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600}>
              {name}
              {isSelf ? ` (${t('admin.users.you')})` : ''}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {member.email}
            </Text>
          </Stack>
          <Group gap={6}>
            {member.hasPassword ? (
              <Badge variant="outline" color="gray.8">
                {t('admin.users.password')}
              </Badge>
            ) : null}
            {member.sso ? (
              <Badge variant="outline" color="blue.9">
                {t('admin.users.sso')}
              </Badge>
            ) : null}
            {!member.hasPassword && !member.sso ? (
              <Badge variant="outline" color="blue.9">
                {t('admin.users.ssoOnly')}
              </Badge>
            ) : null}
            {member.disabled ? (
              <Badge variant="outline" color="red.9">
                {t('admin.users.disabled')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('admin.users.roleOf', { name })}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={roleOptions(t)}
            style={{ flex: '1 1 14rem' }}
          />
          <Button variant="outline" onClick={onSaveRole} disabled={busy || role === member.role}>
            {t('admin.users.saveRole')}
          </Button>
          {confirming ? null : (
            <Button
              variant="subtle"
              color="red"
              onClick={() => setConfirming(true)}
              disabled={busy}
              aria-label={`${t('admin.users.remove')} ${name}`}
            >
              {t('admin.users.remove')}
            </Button>
          )}
        </Group>
        {isSelf ? null : <AccountActions member={member} establishmentId={establishmentId} />}
        {confirming ? (
          <Paper withBorder p="sm" role="group" aria-label={t('admin.users.remove')}>
            <Text fw={600}>{t('admin.users.removeConfirm', { name })}</Text>
            <Group gap="sm" mt="xs">
              <Button color="red" onClick={onRemove} loading={busy}>
                {t('admin.users.removeYes')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
                {t('admin.users.cancel')}
              </Button>
            </Group>
          </Paper>
        ) : null}
        {error !== null ? <ErrorAlert title={t('admin.users.failed')}>{error}</ErrorAlert> : null}
        {saved !== null ? (
          <Text role="status" size="sm">
            {saved}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
