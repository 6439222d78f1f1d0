import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useDocumentTitle } from '../layout/use-document-title';

/**
 * /rappels/desinscription?jeton=…: the reminder e-mail's opt-out link, without signing in. Opening
 * the page changes nothing (a mail scanner that follows links must not unsubscribe anyone); the
 * person confirms with the button, which sends the signed token to the server.
 */
export function OptOutPage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  useDocumentTitle(t('training.optOut.title'));
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const optOut = useMutation({
    mutationFn: () => unwrap(client.POST('/api/training/reminders/opt-out', { body: { token } })),
  });
  return (
    <Stack maw={560}>
      <Title order={1}>{t('training.optOut.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {token === '' ? (
            <ErrorAlert title={t('errors.generic')}>{t('training.optOut.missing')}</ErrorAlert>
          ) : optOut.isSuccess ? (
            <Text role="status" fw={600} c="teal.9">
              {t('training.optOut.done')}
            </Text>
          ) : (
            <>
              <Text>{t('training.optOut.intro')}</Text>
              <Button
                onClick={() => optOut.mutate()}
                loading={optOut.isPending}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('training.optOut.confirm')}
              </Button>
            </>
          )}
          {optOut.isError ? (
            <ErrorAlert title={t('errors.generic')}>{message(optOut.error)}</ErrorAlert>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
