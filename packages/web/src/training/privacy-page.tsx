import { NETWORK_LABELS, PRIVACY_HOW_TOS, pick } from '@blouse/contract';
import { List, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatDate } from '../format';
import { useSignedIn } from '../session/session-context';
import { useMyTraining } from './service-section';
import { myTrainingKey } from './training-keys';

/**
 * /formation/confidentialite: the review of privacy settings network by network (PRIV-01, the
 * contract's data, the same as in the reminder e-mail), and the reminder's switch.
 */
export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const mine = useMyTraining(establishmentId);
  const change = useMutation({
    mutationFn: (optedOut: boolean) =>
      unwrap(
        client.PUT('/api/establishments/{establishmentId}/training/me/reminders', {
          params: { path: { establishmentId } },
          body: { optedOut },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: myTrainingKey(establishmentId) }),
  });
  const reminders = mine.data?.reminders;
  const receiving = reminders !== undefined && !reminders.optedOut;
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="reminders-heading">
        <Stack gap="xs">
          <Title order={2} size="h3" id="reminders-heading">
            {t('training.privacy.reminders')}
          </Title>
          <Switch
            label={t('training.privacy.switch')}
            checked={receiving}
            disabled={reminders === undefined || change.isPending}
            onChange={(event) => change.mutate(!event.currentTarget.checked)}
          />
          {reminders !== undefined ? (
            <Text size="sm" role="status">
              {receiving ? t('training.privacy.on') : t('training.privacy.off')}
              {reminders.lastSentAt !== null
                ? ` ${t('training.privacy.lastSent', { date: formatDate(reminders.lastSentAt, language) })}`
                : ''}
            </Text>
          ) : null}
          {change.isError ? (
            <ErrorAlert title={t('errors.generic')}>{message(change.error)}</ErrorAlert>
          ) : null}
        </Stack>
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="privacy-heading">
        <Title order={2} id="privacy-heading">
          {t('training.privacy.heading')}
        </Title>
        <Text>{t('training.privacy.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {PRIVACY_HOW_TOS.map((howTo) => (
            <Paper
              withBorder
              p="sm"
              key={howTo.network}
              component="article"
              aria-labelledby={`howto-${howTo.network}`}
            >
              <Stack gap={6}>
                <Title order={3} size="h4" id={`howto-${howTo.network}`}>
                  {pick(NETWORK_LABELS[howTo.network], language)}
                </Title>
                <Text size="sm" c="dark.4" style={{ overflowWrap: 'anywhere' }}>
                  {t('training.privacy.where', { where: pick(howTo.where, language) })}
                </Text>
                <List size="sm" spacing={4} withPadding>
                  {howTo.steps.map((step) => (
                    <List.Item key={step.fr}>{pick(step, language)}</List.Item>
                  ))}
                </List>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
