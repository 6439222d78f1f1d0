import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import type { ReportOutcome } from '../api/types';
import { formatDateTime } from '../format';
import { useDocumentTitle } from '../layout/use-document-title';
import { StatusBadge } from '../reports/status-badge';

/**
 * « Suivre un signalement »: no sign-in, the follow-up code an anonymous report received, and
 * what the server lets a reporter know — its status and a plain outcome, never the desk's
 * internal decisions. The code is not kept anywhere by the page (no address bar, no storage).
 */
export function FollowUpPage() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('reporting.follow.title'));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      setOutcome(await unwrap(client.POST('/api/reports/follow-up', { body: { code } })));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Stack maw={640} mx="auto">
      <Title order={1}>{t('reporting.follow.title')}</Title>
      <Text>{t('reporting.follow.intro')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput
            label={t('reporting.follow.code')}
            description={t('reporting.follow.codeHint')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={100}
            required
            error={notFound ? t('reporting.follow.notFound') : undefined}
          />
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {t('reporting.follow.submit')}
          </Button>
        </Stack>
      </form>
      {error !== null && !notFound ? (
        <Alert color="red" role="alert" title={t('reporting.follow.failed')}>
          {message(error)}
        </Alert>
      ) : null}
      {outcome !== null ? (
        <Paper withBorder p="md" role="status" data-testid="follow-up-outcome">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('reporting.follow.status')}
            </Text>
            <div>
              <StatusBadge status={outcome.status} />
            </div>
            <Text size="sm" fw={600}>
              {t('reporting.follow.outcome')}
            </Text>
            <Text data-testid="follow-up-outcome-text">{outcome.outcome}</Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('reporting.follow.sentOn', { date: formatDateTime(outcome.createdAt, i18n.language) })}
              {outcome.incidentReference !== null
                ? ` · ${t('reporting.follow.reference')} ${outcome.incidentReference}`
                : ''}
            </Text>
          </Stack>
        </Paper>
      ) : null}
      <Anchor component={Link} to="/connexion">
        {t('reporting.follow.signIn')}
      </Anchor>
    </Stack>
  );
}
