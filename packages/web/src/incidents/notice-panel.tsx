import {
  Button,
  CopyButton,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import { enumValue } from '../api/enum-value';
import { type IncidentDetail, NOTICE_CHANNELS, type NoticeChannel, type NoticeView } from '../api/types';
import { formatDateTime } from '../format';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { incidentKeys, incidentParams } from './incident-paths';

/** Now, as the value of a datetime-local field in the browser's time zone. */
function nowLocal(): string {
  const date = new Date();
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The DSA art. 16 notice, drafted by the server and signed by whoever asks: fetched on request
 * (it is audited and carries the asker's name), shown with its four required elements. The
 * director and the legal service may edit its text and record when and how it was sent; both
 * carry the incident's version, so two people cannot overwrite each other.
 */
export function NoticePanel({ incident }: { incident: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const { membership } = useSignedIn();
  const queryClient = useQueryClient();
  const actions = incident.permittedActions;
  const params = incidentParams(membership.establishmentId, incident.id);
  const [notice, setNotice] = useState<NoticeView | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [sentAt, setSentAt] = useState(nowLocal());
  const [channel, setChannel] = useState<NoticeChannel>('formulaire');

  /** A notice change bumps the incident's version: the page takes the new one, and the history. */
  function took(view: NoticeView) {
    setNotice(view);
    queryClient.setQueryData<IncidentDetail>(
      incidentKeys.detail(membership.establishmentId, incident.id),
      (old) => (old ? { ...old, version: view.version } : old),
    );
    void queryClient.invalidateQueries({
      queryKey: incidentKeys.timeline(membership.establishmentId, incident.id),
    });
  }
  const draft = useMutation({
    mutationFn: () =>
      unwrap(client.GET('/api/establishments/{establishmentId}/incidents/{incidentId}/notice', params)),
    onSuccess: setNotice,
  });
  const save = useMutation({
    mutationFn: (text: string) =>
      unwrap(
        client.PUT('/api/establishments/{establishmentId}/incidents/{incidentId}/notice', {
          ...params,
          body: { text, version: incident.version },
        }),
      ),
    onSuccess: (view) => {
      took(view);
      setEditing(null);
    },
  });
  const markSent = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/incidents/{incidentId}/notice/sent', {
          ...params,
          body: { sentAt: new Date(sentAt).toISOString(), channel, version: incident.version },
        }),
      ),
    onSuccess: took,
  });

  return (
    <DeskPanel id="desk-notice" title={t('desk.notice.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('desk.notice.intro')}</Text>
        {actions.notice ? null : (
          <Text size="sm" c="dimmed">
            {t('desk.notice.notNoticeable')}
          </Text>
        )}
        <Button
          variant="default"
          loading={draft.isPending}
          onClick={() => draft.mutate()}
          style={{ alignSelf: 'flex-start' }}
        >
          {notice ? t('desk.notice.refresh') : t('desk.notice.prepare')}
        </Button>
        <ChangeError error={draft.error} incidentId={incident.id} />
        {notice ? (
          <>
            <List spacing={4} size="sm" data-testid="notice-elements">
              <List.Item>
                <strong>{t('desk.notice.location')} :</strong>{' '}
                <span style={{ overflowWrap: 'anywhere' }}>{notice.elements.url}</span>
              </List.Item>
              <List.Item>
                <strong>{t('desk.notice.reasons')} :</strong> {notice.elements.legalBasis}
              </List.Item>
              <List.Item>
                <strong>{t('desk.notice.notifier')} :</strong> {notice.elements.notifierName},{' '}
                {notice.elements.notifierEmail}
              </List.Item>
              <List.Item>
                <strong>{t('desk.notice.goodFaith')} :</strong> {notice.elements.goodFaithStatement}
              </List.Item>
            </List>
            <Text size="sm" fw={600} id="desk-notice-text">
              {t('desk.notice.text')}
            </Text>
            {editing === null ? (
              <pre
                className="prewrap"
                data-testid="notice-text"
                style={{
                  margin: 0,
                  padding: 12,
                  background: '#f8f9fa',
                  border: '1px solid #ced4da',
                  borderRadius: 8,
                  fontSize: 13,
                }}
              >
                {notice.text}
              </pre>
            ) : (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  save.mutate(editing);
                }}
              >
                <Stack gap="sm">
                  <Textarea
                    aria-labelledby="desk-notice-text"
                    value={editing}
                    onChange={(event) => setEditing(event.currentTarget.value)}
                    autosize
                    minRows={8}
                    maxLength={20_000}
                    required
                  />
                  <Group gap="sm">
                    <Button type="submit" loading={save.isPending}>
                      {t('deskCase.notice.save')}
                    </Button>
                    <Button variant="default" onClick={() => setEditing(null)}>
                      {t('deskCase.notice.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
            {notice.edited ? (
              <Text size="xs" c="dimmed">
                {t('deskCase.notice.edited', {
                  date: formatDateTime(notice.edited.at, i18n.language),
                  who: notice.edited.byName ?? '—',
                })}
              </Text>
            ) : null}
            <ChangeError error={save.error} incidentId={incident.id} reset={save.reset} />
            <Group gap="sm">
              <CopyButton value={notice.text}>
                {({ copied, copy }) => (
                  <Button onClick={copy}>{copied ? t('check.copied') : t('check.copy')}</Button>
                )}
              </CopyButton>
              {actions.editNotice && editing === null ? (
                <Button variant="default" onClick={() => setEditing(notice.text)}>
                  {t('deskCase.notice.edit')}
                </Button>
              ) : null}
            </Group>
            <Text size="sm" fw={600}>
              {t('deskCase.notice.sentTitle')}
            </Text>
            <Text size="sm" data-testid="notice-sent">
              {notice.sent
                ? t('deskCase.notice.sent', {
                    date: formatDateTime(notice.sent.at, i18n.language),
                    channel: t(`deskCase.notice.channels.${notice.sent.channel}`, {
                      defaultValue: notice.sent.channel,
                    }),
                    who: notice.sent.byName ?? '—',
                  })
                : t('deskCase.notice.notSent')}
            </Text>
            {actions.markNoticeSent ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  markSent.mutate();
                }}
              >
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <TextInput
                    type="datetime-local"
                    label={t('deskCase.notice.sentAt')}
                    value={sentAt}
                    max={nowLocal()}
                    onChange={(event) => setSentAt(event.currentTarget.value)}
                    required
                  />
                  <NativeSelect
                    label={t('deskCase.notice.channel')}
                    value={channel}
                    onChange={(event) =>
                      setChannel(enumValue(NOTICE_CHANNELS, event.currentTarget.value) ?? 'formulaire')
                    }
                    data={NOTICE_CHANNELS.map((value) => ({
                      value,
                      label: t(`deskCase.notice.channels.${value}`),
                    }))}
                  />
                  <Button type="submit" variant="default" loading={markSent.isPending}>
                    {t('deskCase.notice.markSent')}
                  </Button>
                </Group>
              </form>
            ) : null}
            <ChangeError error={markSent.error} incidentId={incident.id} reset={markSent.reset} />
          </>
        ) : null}
      </Stack>
    </DeskPanel>
  );
}
