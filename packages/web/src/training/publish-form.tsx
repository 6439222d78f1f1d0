import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatNumber } from '../format';
import { useSignedIn } from '../session/session-context';
import { charterKey, ratesKey } from './training-keys';

/** The server's bound (training/schemas.ts MAX_CHARTER_CHARS). */
const MAX_CHARS = 50_000;

/**
 * A new version of the charter, in Markdown. Publishing asks everyone again, so it takes two
 * steps: « Publier la version », then a confirmation in the page (no browser dialog).
 */
export function PublishForm() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [body, setBody] = useState('');
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/training/charter/versions', {
          params: { path: { establishmentId } },
          body: { body },
        }),
      ),
    onSuccess: () => {
      setBody('');
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: charterKey(establishmentId) });
      void queryClient.invalidateQueries({ queryKey: ratesKey(establishmentId) });
    },
    onError: () => setConfirming(false),
  });
  const loadCurrent = async () => {
    const current = await queryClient.fetchQuery({
      queryKey: charterKey(establishmentId),
      queryFn: () =>
        unwrap(
          client.GET('/api/establishments/{establishmentId}/training/charter', {
            params: { path: { establishmentId } },
          }),
        ),
    });
    setBody(current.body);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publish-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="publish-heading">
          {t('training.publish.heading')}
        </Title>
        <Text size="sm">{t('training.publish.intro')}</Text>
        <Button variant="outline" onClick={() => void loadCurrent()} style={{ alignSelf: 'flex-start' }}>
          {t('training.publish.startFrom')}
        </Button>
        <Textarea
          label={t('training.publish.label')}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setConfirming(false);
          }}
          autosize
          minRows={6}
          maxRows={20}
          maxLength={MAX_CHARS}
          description={t('training.publish.counter', {
            length: formatNumber(body.length, i18n.language),
            max: formatNumber(MAX_CHARS, i18n.language),
          })}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        {confirming ? (
          <Stack gap="xs">
            <Text fw={600} role="alert">
              {t('training.publish.confirm')}
            </Text>
            <Group gap="sm">
              <Button color="red.9" onClick={() => publish.mutate()} loading={publish.isPending}>
                {t('training.publish.submit')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('training.publish.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button
            onClick={() => setConfirming(true)}
            disabled={body.trim() === ''}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('training.publish.submit')}
          </Button>
        )}
        {publish.isSuccess ? (
          <Text role="status" fw={600} c="teal.9">
            {t('training.publish.published', { version: publish.data.version })}
          </Text>
        ) : null}
        {publish.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(publish.error)}</ErrorAlert>
        ) : null}
      </Stack>
    </Paper>
  );
}
