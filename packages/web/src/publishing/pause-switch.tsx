import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useSignedIn } from '../session/session-context';
import { pauseKey, usePause } from './pause-query';

/** « Tout suspendre »: one switch that stops every scheduled publication, for admin and communication. */
export function PauseSwitch() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const pause = usePause(establishmentId);
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: (paused: boolean) =>
      unwrap(
        client.PUT('/api/establishments/{establishmentId}/publishing/pause', {
          params: { path: { establishmentId } },
          body: { paused, reason },
        }),
      ),
    onSuccess: (saved) => {
      setReason('');
      queryClient.setQueryData(pauseKey(establishmentId), saved);
    },
  });
  const paused = pause.data?.paused === true;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pause-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="pause-heading">
          {t('publishing.pause.heading')}
        </Title>
        <Text size="sm">{paused ? t('publishing.pause.onHint') : t('publishing.pause.offHint')}</Text>
        {!paused ? (
          <TextInput
            label={t('publishing.pause.reason')}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        ) : null}
        <Button
          color={paused ? 'teal.9' : 'red.9'}
          onClick={() => change.mutate(!paused)}
          loading={change.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {paused ? t('publishing.pause.lift') : t('publishing.pause.set')}
        </Button>
        {change.isError ? <ErrorAlert title={t('errors.generic')}>{message(change.error)}</ErrorAlert> : null}
      </Stack>
    </Paper>
  );
}
