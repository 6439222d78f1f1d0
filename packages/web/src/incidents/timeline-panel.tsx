import { Alert, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formatDateTime } from '../format';
import { useVocabulary } from '../vocabulary';
import { DeskPanel } from './desk-panel';
import { describeEvent } from './timeline-detail';
import { useTimeline } from './use-timeline';

/** Everything that happened to the incident, oldest first, with who did it and when. */
export function TimelinePanel({ incidentId }: { incidentId: string }) {
  const { t, i18n } = useTranslation();
  const words = useVocabulary();
  const query = useTimeline(incidentId);
  return (
    <DeskPanel id="desk-timeline" title={t('desk.timeline.title')}>
      {query.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {query.isError ? (
        <Alert color="red" role="alert" title={t('errors.generic')}>
          {query.error instanceof ApiError ? query.error.detail : String(query.error)}
        </Alert>
      ) : null}
      {query.data ? (
        <ol className="desk-timeline" data-testid="timeline">
          {query.data.items.map((entry) => {
            const what = describeEvent(t, words, entry, i18n.language);
            return (
              <li key={entry.id} data-kind={entry.kind}>
                <Text size="sm" fw={600}>
                  {words.eventKind(entry.kind)}
                </Text>
                {what === '' ? null : (
                  <Text size="sm" className="prewrap">
                    {what}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {entry.actorName ?? t('desk.timeline.system')} · {formatDateTime(entry.at, i18n.language)}
                </Text>
              </li>
            );
          })}
        </ol>
      ) : null}
    </DeskPanel>
  );
}
