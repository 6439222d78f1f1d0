import { Alert, Button, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatDate } from '../format';
import { useSignedIn } from '../session/session-context';
import { CharterText } from './charter-text';
import { ServiceSection } from './service-section';
import { charterKey, ratesKey } from './training-keys';

/** /formation: the charter in force, whether I acknowledged it, and my service. */
export function CharterPage() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const charter = useQuery({
    queryKey: charterKey(establishmentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/training/charter', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  const acknowledge = useMutation({
    mutationFn: (read: { version: number; sha256: string }) =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/training/charter/acknowledgements', {
          params: { path: { establishmentId } },
          body: { ...read, language: i18n.language.startsWith('en') ? 'en' : 'fr' },
        }),
      ),
    onSuccess: (status) => {
      queryClient.setQueryData(charterKey(establishmentId), status);
      void queryClient.invalidateQueries({ queryKey: ratesKey(establishmentId) });
    },
    // A newer version was published meanwhile: show it.
    onError: () => void queryClient.invalidateQueries({ queryKey: charterKey(establishmentId) }),
  });
  if (charter.isPending) return <Loader aria-label={t('app.loading')} />;
  if (charter.isError) return <ErrorAlert title={t('errors.generic')}>{message(charter.error)}</ErrorAlert>;
  const status = charter.data;
  const language = i18n.language;
  return (
    <Stack>
      <Stack gap={4}>
        {/* The charter's own title is its first heading: no second one above it. */}
        <Text size="sm" c="dark.4">
          {t('training.charter.version', { version: status.version })}
          {' · '}
          {status.isDefault || status.publishedAt === null
            ? t('training.charter.byDefault')
            : t('training.charter.publishedOn', { date: formatDate(status.publishedAt, language) })}
        </Text>
      </Stack>
      {status.acknowledgedAt === null ? (
        <Alert
          color="blue"
          title={status.previousVersion !== null ? t('training.charter.askAgain') : t('training.charter.ask')}
          // Darker than Mantine's blue title, which measures 4.4:1 on its light fill.
          styles={{ title: { color: '#0b4a85' }, label: { color: '#0b4a85' } }}
        >
          {status.previousVersion !== null
            ? t('training.charter.newVersion', { previous: status.previousVersion })
            : t('training.charter.toAcknowledge')}
        </Alert>
      ) : null}
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <CharterText markdown={status.body} label={t('training.charter.text')} />
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('training.charter.acknowledge')}>
        {status.acknowledgedAt !== null ? (
          <Text role="status" fw={600} c="teal.9">
            {acknowledge.isSuccess ? `${t('training.charter.done')} ` : ''}
            {t('training.charter.acknowledged', { date: formatDate(status.acknowledgedAt, language) })}
          </Text>
        ) : (
          <Stack gap="xs">
            <Button
              onClick={() => acknowledge.mutate({ version: status.version, sha256: status.sha256 })}
              loading={acknowledge.isPending}
              // A long label: it wraps on a phone, with room around its lines.
              style={{ alignSelf: 'flex-start', maxWidth: '100%', height: 'auto', paddingBlock: 10 }}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }}
            >
              {t('training.charter.acknowledge')}
            </Button>
            <Text size="sm" c="dark.4">
              {t('training.charter.acknowledgeHint')}
            </Text>
          </Stack>
        )}
        {acknowledge.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(acknowledge.error)}</ErrorAlert>
        ) : null}
      </Paper>
      <ServiceSection />
    </Stack>
  );
}
