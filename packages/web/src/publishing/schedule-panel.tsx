import { networkLabel } from '@blouse/contract';
import { Anchor, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import type { Publication, PublishingDraft } from '../api/types';
import { formatDateTime } from '../format';
import { useSignedIn } from '../session/session-context';
import { canWriteDrafts } from './publishing-roles';

/** The date-time field's value for an instant, in the reader's own time zone (minutes). */
function localInput(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * Scheduling an approved post, and what became of each network's publication: when it is due,
 * whether it went out (with its address on the network), why it failed.
 */
export function SchedulePanel({ draft }: { draft: PublishingDraft }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership, role } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const key = ['publishing', establishmentId, 'publications', draft.id];
  const [at, setAt] = useState(() => localInput(new Date(Date.now() + 5 * 60_000)));
  const publications = useQuery<{ items: Publication[] }>({
    queryKey: key,
    // Until everything is out or failed, the page follows the jobs.
    refetchInterval: (query) =>
      query.state.data?.items.some((p) => p.status === 'scheduled' || p.status === 'publishing')
        ? 3_000
        : false,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/drafts/{draftId}/publications', {
          params: { path: { establishmentId, draftId: draft.id } },
          signal,
        }),
      ),
  });
  const schedule = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/publishing/drafts/{draftId}/schedule', {
          params: { path: { establishmentId, draftId: draft.id } },
          body: { revision: draft.revision, at: new Date(at).toISOString() },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const refresh = useMutation({
    mutationFn: (publicationId: string) =>
      unwrap(
        client.POST(
          '/api/establishments/{establishmentId}/publishing/drafts/{draftId}/publications/{publicationId}/metrics',
          { params: { path: { establishmentId, draftId: draft.id, publicationId } } },
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const items = publications.data?.items ?? [];
  const waiting = items.some((p) => p.status === 'scheduled' || p.status === 'publishing');
  const published = items.some((p) => p.status === 'published' && p.revision === draft.revision);
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="schedule-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="schedule-heading">
          {t('publishing.schedule.heading')}
        </Title>
        {draft.status === 'approved' && canWriteDrafts(role) && !waiting && !published ? (
          <Group
            component="form"
            gap="sm"
            align="flex-end"
            wrap="wrap"
            onSubmit={(event) => {
              event.preventDefault();
              schedule.mutate();
            }}
          >
            <TextInput
              type="datetime-local"
              label={t('publishing.schedule.at')}
              value={at}
              required
              onChange={(event) => setAt(event.currentTarget.value)}
            />
            <Button type="submit" loading={schedule.isPending}>
              {t('publishing.schedule.submit')}
            </Button>
          </Group>
        ) : null}
        {draft.status !== 'approved' && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('publishing.schedule.afterApproval')}
          </Text>
        ) : null}
        {schedule.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(schedule.error)}</ErrorAlert>
        ) : null}
        {items.length > 0 ? (
          <List size="sm" spacing={4} data-testid="publications">
            {items.map((publication) => (
              <List.Item key={publication.id}>
                {networkLabel(publication.network, language)} —{' '}
                {t(`publishing.schedule.status.${publication.status}`)},{' '}
                {formatDateTime(publication.publishedAt ?? publication.scheduledAt, i18n.language)}
                {publication.url ? (
                  <>
                    {' — '}
                    <Anchor href={publication.url} target="_blank" rel="noreferrer">
                      {t('publishing.schedule.see')}
                    </Anchor>
                  </>
                ) : null}
                {publication.lastError && publication.status !== 'published'
                  ? ` — ${publication.lastError}`
                  : ''}
                {publication.metrics ? (
                  <Text size="xs" c="dimmed" data-testid="publication-metrics">
                    {metricsLine(t, publication.metrics, i18n.language)}
                  </Text>
                ) : null}
                {publication.status === 'published' && canWriteDrafts(role) ? (
                  <Button
                    size="compact-xs"
                    variant="default"
                    mt={4}
                    loading={refresh.isPending && refresh.variables === publication.id}
                    aria-label={t('publishing.schedule.metrics.refreshLabel', {
                      network: networkLabel(publication.network, language),
                    })}
                    onClick={() => refresh.mutate(publication.id)}
                  >
                    {t('publishing.schedule.metrics.refresh')}
                  </Button>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : null}
        {refresh.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(refresh.error)}</ErrorAlert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** « 12 j’aime · 3 partages · 2 commentaires · relevé le 6 déc. 2026, 10:00 »: only the figures the network gives. */
function metricsLine(t: TFunction, metrics: NonNullable<Publication['metrics']>, language: string): string {
  const parts: string[] = [];
  for (const name of ['likes', 'shares', 'comments', 'impressions'] as const) {
    const value = metrics[name];
    if (value !== null) parts.push(t(`publishing.schedule.metrics.${name}`, { count: value }));
  }
  parts.push(
    t('publishing.schedule.metrics.collectedAt', { date: formatDateTime(metrics.collectedAt, language) }),
  );
  return parts.join(' · ');
}
