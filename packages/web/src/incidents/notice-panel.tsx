import { Button, CopyButton, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import type { IncidentDetail } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { NOTICEABLE_CATEGORIES } from './desk-rules';
import { incidentParams } from './incident-paths';

/**
 * The DSA art. 16 notice, drafted by the server and signed by whoever asks: fetched on request
 * (it is audited and carries the asker's name), shown in full with its four required elements.
 */
export function NoticePanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const category = incident.category ?? incident.proposedCategory;
  const draft = useMutation({
    mutationFn: () =>
      unwrap(
        client.GET(
          '/api/establishments/{establishmentId}/incidents/{incidentId}/notice',
          incidentParams(membership.establishmentId, incident.id),
        ),
      ),
  });
  const notice = draft.data;

  return (
    <DeskPanel id="desk-notice" title={t('desk.notice.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('desk.notice.intro')}</Text>
        {NOTICEABLE_CATEGORIES.has(category) ? null : (
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
        <ChangeError error={draft.error} />
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
            <CopyButton value={notice.text}>
              {({ copied, copy }) => (
                <Button onClick={copy} style={{ alignSelf: 'flex-start' }}>
                  {copied ? t('check.copied') : t('check.copy')}
                </Button>
              )}
            </CopyButton>
          </>
        ) : null}
      </Stack>
    </DeskPanel>
  );
}
