import { Anchor, Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { WHOLE_LABEL } from '../badge-styles';
import { formatDateTime } from '../format';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { AlertCounts } from './alert-card';
import { formatHandle } from './listening-format';
import { toned, useListeningWords } from './listening-words';
import { MentionCard } from './mention-card';
import { OpenIncidentButton } from './open-incident-button';

/** The alert's mentions shown on its page; the incident opened from it holds them all. */
const SHOWN_MENTIONS = 20;

/** /veille/alertes/:id: why it was raised, its mentions, and « Ouvrir un incident » in one click. */
export function AlertPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('listening.alerts.title'));
  const message = useErrorMessage();
  const words = useListeningWords();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const alertId = useParams().alertId ?? '';
  const query = useQuery({
    queryKey: ['listening', establishmentId, 'alert', alertId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/alerts/{alertId}', {
          params: { path: { establishmentId, alertId } },
          signal,
        }),
      ),
  });
  const alert = query.data;
  const mentionIds = alert?.mentionIds.slice(0, SHOWN_MENTIONS) ?? [];
  const mentions = useQueries({
    queries: mentionIds.map((mentionId) => ({
      queryKey: ['listening', establishmentId, 'mention', mentionId],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(
          client.GET('/api/establishments/{establishmentId}/listening/mentions/{mentionId}', {
            params: { path: { establishmentId, mentionId } },
            signal,
          }),
        ),
    })),
  });
  return (
    <Stack>
      <Anchor component={Link} to="/veille/alertes" size="sm">
        ← {t('listening.alerts.back')}
      </Anchor>
      <Title order={1}>
        {t('listening.alerts.title')}
        {alert ? ` — ${words.reason(alert.reason)}` : ''}
      </Title>
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? (
        <ErrorAlert title={t('listening.alerts.notFound')}>{message(query.error)}</ErrorAlert>
      ) : null}
      {alert ? (
        <>
          <Group gap="xs" wrap="wrap">
            <Badge
              variant={alert.tier === 'immediate' ? 'filled' : 'light'}
              color="red.9"
              styles={alert.tier === 'immediate' ? WHOLE_LABEL : toned('red')}
            >
              {t('listening.alerts.tier')} : {words.tier(alert.tier)}
            </Badge>
            <Text size="sm" component="time" dateTime={alert.createdAt}>
              {t('listening.alerts.time')} {formatDateTime(alert.createdAt, i18n.language)}
            </Text>
          </Group>
          <Text style={{ overflowWrap: 'anywhere' }}>{alert.explanation}</Text>
          <AlertCounts alert={alert} />
          <OpenIncidentButton from={{ alertId: alert.id }} incidentId={alert.incidentId} />
          {alert.details.topTerms.length + alert.details.topAuthors.length > 0 ? (
            <Paper withBorder p="md">
              <Group align="flex-start" gap="xl" wrap="wrap">
                {alert.details.topTerms.length > 0 ? (
                  <div>
                    <Title order={2} size="h5">
                      {t('listening.alerts.topTerms')}
                    </Title>
                    <List size="sm">
                      {alert.details.topTerms.map((entry) => (
                        <List.Item key={entry.term}>
                          « {entry.term} » ({entry.count})
                        </List.Item>
                      ))}
                    </List>
                  </div>
                ) : null}
                {alert.details.topAuthors.length > 0 ? (
                  <div>
                    <Title order={2} size="h5">
                      {t('listening.alerts.topAuthors')}
                    </Title>
                    <List size="sm">
                      {alert.details.topAuthors.map((entry) => (
                        <List.Item key={entry.handle}>
                          {formatHandle(entry.handle)} ({entry.count})
                        </List.Item>
                      ))}
                    </List>
                  </div>
                ) : null}
              </Group>
            </Paper>
          ) : null}
          <Title order={2} size="h3">
            {t('listening.alerts.itsMentions')}
          </Title>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {mentions.map((mention, index) => (
              <li key={mentionIds[index]}>
                {mention.data ? <MentionCard mention={mention.data} /> : null}
                {mention.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
                {mention.isError ? (
                  <Text size="sm" c="dimmed">
                    {message(mention.error)}
                  </Text>
                ) : null}
              </li>
            ))}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
