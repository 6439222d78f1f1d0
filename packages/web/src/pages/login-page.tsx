import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { SsoSignIn } from '../admin/sso-sign-in';
import { useErrorMessage } from '../api/error-messages';
import type { Session } from '../api/types';
import { useDocumentTitle } from '../layout/use-document-title';
import { homeOf } from '../session/roles';
import { useSession } from '../session/session-context';

/** Where to go once signed in: back where the person was sent from, else their role's home. */
function destination(session: Session, from: unknown): string {
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('/connexion')) return from;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('blouse.establishment');
  } catch {
    // No stored choice: the first establishment.
  }
  const membership =
    session.memberships.find((m) => m.establishmentId === stored) ?? session.memberships[0] ?? null;
  return homeOf(membership?.role ?? null);
}

export function LoginPage() {
  const { t } = useTranslation();
  const { session, role, signIn } = useSession();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The failure itself, not its text: the message follows a language switch made afterwards.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('login.title'));

  if (session && !busy) return <Navigate to={homeOf(role)} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(email.trim(), password);
      navigate(destination(signedIn, (location.state as { from?: unknown } | null)?.from), {
        replace: true,
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper maw={420} mx="auto" p="lg" withBorder>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={1}>{t('login.title')}</Title>
          <Text c="dimmed">{t('login.intro')}</Text>
          {error !== null ? <ErrorAlert title={t('login.failed')}>{message(error)}</ErrorAlert> : null}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      <SsoSignIn />
      {/* An anonymous reporter has a code, not an account: the follow-up needs no sign-in. */}
      <Anchor component={Link} to="/suivi" display="block" mt="md" size="sm">
        {t('reporting.followLink')}
      </Anchor>
    </Paper>
  );
}
