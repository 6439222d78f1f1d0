import { Button, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/error-messages';
import type { Role } from '../api/types';
import { createMember, membersKey } from './admin-api';
import { ErrorAlert } from './error-alert';
import { roleOptions } from './role-options';

const MIN_PASSWORD = 12;

/** Invite someone: with a temporary password, or none (directory sign-in only). */
export function NewMemberForm({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const passwordError =
    touched && password !== '' && [...password].length < MIN_PASSWORD
      ? t('admin.users.passwordTooShort')
      : null;
  const emailError = touched && email.trim() === '' ? t('admin.users.required') : null;
  const nameError = touched && displayName.trim() === '' ? t('admin.users.required') : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setCreated(null);
    if (email.trim() === '' || displayName.trim() === '') return;
    if (password !== '' && [...password].length < MIN_PASSWORD) return;
    setBusy(true);
    setError(null);
    try {
      const member = await createMember(establishmentId, {
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        ...(password === '' ? {} : { password }),
      });
      // Every page and search of the list may now hold them: read again from the server.
      await queryClient.invalidateQueries({ queryKey: membersKey(establishmentId) });
      setCreated(t('admin.users.created', { name: member.displayName, role: t(`roles.${member.role}`) }));
      setEmail('');
      setDisplayName('');
      setPassword('');
      setRole('agent');
      setTouched(false);
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-member-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="new-member-title">
            {t('admin.users.newTitle')}
          </Title>
          <Text size="sm">{t('admin.users.newIntro')}</Text>
          {error !== null ? <ErrorAlert title={t('admin.users.failed')}>{error}</ErrorAlert> : null}
          <TextInput
            label={t('admin.users.email')}
            type="email"
            autoComplete="off"
            required
            maxLength={254}
            value={email}
            error={emailError}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <TextInput
            label={t('admin.users.name')}
            autoComplete="off"
            required
            maxLength={120}
            value={displayName}
            error={nameError}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('admin.users.role')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={roleOptions(t)}
          />
          <PasswordInput
            label={t('admin.users.tempPassword')}
            description={t('admin.users.tempPasswordHint')}
            autoComplete="new-password"
            maxLength={256}
            value={password}
            error={passwordError}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {t('admin.users.create')}
          </Button>
          {created !== null ? <Text role="status">{created}</Text> : null}
        </Stack>
      </form>
    </Paper>
  );
}
