import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import { formatDateTime } from '../format';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { incidentKeys, incidentParams } from './incident-paths';
import { useDeskMembers } from './use-desk-members';
import { useTimeline } from './use-timeline';

/** The desk's notes on the incident; a comment changes nothing else, so it needs no version. */
export function CommentsPanel({ incidentId }: { incidentId: string }) {
  const { t, i18n } = useTranslation();
  const { membership, session } = useSignedIn();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const timeline = useTimeline(incidentId);
  const members = useDeskMembers();
  const others = (members.data ?? []).filter((member) => member.id !== session.user.id);
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
              description={t('deskCase.comments.mentionHint')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
              required
            />
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Button type="submit" variant="default" loading={post.isPending}>
                {t('desk.comments.submit')}
              </Button>
              {others.length === 0 ? null : (
                // A picker rather than remembering handles: it appends « @handle » to the comment.
                <NativeSelect
                  aria-label={t('deskCase.comments.mention')}
                  value=""
                  onChange={(event) => {
                    const handle = event.currentTarget.value;
                    if (handle !== '')
                      setText(
                        (current) =>
                          `${current}${current === '' || current.endsWith(' ') ? '' : ' '}@${handle} `,
                      );
                  }}
                  data={[
                    { value: '', label: `@ ${t('deskCase.comments.mention')}…` },
                    ...others.map((member) => ({
                      value: member.handle,
                      label: `${member.displayName} (@${member.handle})`,
                    })),
                  ]}
                  style={{ minWidth: 0, maxWidth: '100%' }}
                />
              )}
            </Group>
            <ChangeError error={post.error} incidentId={incidentId} />
          </Stack>
        </form>
      </Stack>
    </DeskPanel>
  );
}
