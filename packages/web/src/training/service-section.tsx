import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useSignedIn } from '../session/session-context';
import { myTrainingKey, ratesKey } from './training-keys';

const NONE = '';

/** « Mon service »: one of the establishment's services, for the rates per service. */
export function ServiceSection() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const mine = useMyTraining(establishmentId);
  const save = useMutation({
    mutationFn: (service: string | null) =>
      unwrap(
        client.PUT('/api/establishments/{establishmentId}/training/me/service', {
          params: { path: { establishmentId } },
          body: { service },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: myTrainingKey(establishmentId) });
      void queryClient.invalidateQueries({ queryKey: ratesKey(establishmentId) });
    },
  });
  const services = mine.data?.services ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="service-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="service-heading">
          {t('training.service.heading')}
        </Title>
        {mine.data && services.length === 0 ? (
          <Text size="sm">{t('training.service.empty')}</Text>
        ) : (
          <Select
            label={t('training.service.label')}
            description={t('training.service.hint')}
            data={[
              { value: NONE, label: t('training.service.none') },
              ...services.map((service) => ({ value: service, label: service })),
            ]}
            value={mine.data?.service ?? NONE}
            allowDeselect={false}
            disabled={mine.isPending || save.isPending}
            onChange={(value) => save.mutate(value === null || value === NONE ? null : value)}
            style={{ maxWidth: '24rem' }}
          />
        )}
        {save.isSuccess ? (
          <Text size="sm" role="status">
            {t('training.service.saved')}
          </Text>
        ) : null}
        {save.isError ? <ErrorAlert title={t('errors.generic')}>{message(save.error)}</ErrorAlert> : null}
      </Stack>
    </Paper>
  );
}

/** The person's own training facts: service, last score, reminders. */
export function useMyTraining(establishmentId: string) {
  return useQuery({
    queryKey: myTrainingKey(establishmentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/training/me', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
}
