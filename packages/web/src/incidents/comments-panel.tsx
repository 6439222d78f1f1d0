import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import { formatDateTime } from '../format';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { incidentKeys, incidentParams } from './incident-paths';
import { useTimeline } from './use-timeline';

/** The desk's notes on the incident; a comment changes nothing else, so it needs no version. */
export function CommentsPanel({ incidentId }: { incidentId: string }) {
  const { t, i18n } = useTranslation();
  const { membership } = useSignedIn();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const timeline = useTimeline(incidentId);
  const post = useMutation({
    mutationFn: (body: string) =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/incidents/{incidentId}/comments', {
          ...incidentParams(membership.establishmentId, incidentId),
          body: { text: body },
        }),
      ),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({
        queryKey: incidentKeys.timeline(membership.establishmentId, incidentId),
      });
    },
  });
  const comments = (timeline.data?.items ?? []).filter((entry) => entry.kind === 'comment');

  return (
    <DeskPanel id="desk-comments" title={t('desk.comments.title')}>
      <Stack gap="sm">
        {comments.length === 0 ? (
          <Text c="dimmed">{t('desk.comments.empty')}</Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {comments.map((entry) => (
              <li key={entry.id}>
                <Text size="sm" className="prewrap">
                  {typeof entry.detail.text === 'string' ? entry.detail.text : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {entry.actorName ?? t('desk.timeline.system')} · {formatDateTime(entry.at, i18n.language)}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() !== '') post.mutate(text.trim());
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('desk.comments.label')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
              required
            />
            <Button
              type="submit"
              variant="default"
              loading={post.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('desk.comments.submit')}
            </Button>
            <ChangeError error={post.error} />
          </Stack>
        </form>
      </Stack>
    </DeskPanel>
  );
}
