import { Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import type { PublishingDraft } from '../api/types';
import { formatDateTime } from '../format';
import { useSignedIn } from '../session/session-context';
import { draftKey } from './draft-key';

/**
 * Where the draft stands: submit it, decide at the pending step, read the decisions. What the
 * reader may do comes from the server (`actions`); the page never works out the workflow.
 */
export function WorkflowPanel({ draft }: { draft: PublishingDraft }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [comment, setComment] = useState('');
  const path = { establishmentId, draftId: draft.id };
  const refresh = async (saved: PublishingDraft) => {
    queryClient.setQueryData(draftKey(establishmentId, draft.id), saved);
    await queryClient.invalidateQueries({ queryKey: ['publishing', establishmentId, 'drafts'] });
  };
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/publishing/drafts/{draftId}/submit', {
          params: { path },
          body: { revision: draft.revision },
        }),
      ),
    onSuccess: refresh,
  });
  const decide = useMutation({
    mutationFn: (decision: 'approved' | 'rejected') =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/publishing/drafts/{draftId}/decisions', {
          params: { path },
          body: { revision: draft.revision, decision, comment },
        }),
      ),
    onSuccess: async (saved) => {
      setComment('');
      await refresh(saved);
    },
  });
  const pending = draft.pendingStep;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="workflow-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="workflow-heading">
          {t('publishing.workflow.heading')}
        </Title>
        {draft.sensitive ? <Text size="sm">{t('publishing.workflow.sensitive')}</Text> : null}
        {pending ? (
          <Text fw={600} data-testid="pending-step">
            {t('publishing.workflow.pending', { step: pending.name })}
          </Text>
        ) : null}
        {draft.actions.submit ? (
          <Button
            onClick={() => submit.mutate()}
            loading={submit.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('publishing.workflow.submit')}
          </Button>
        ) : null}
        {submit.isError ? <ErrorAlert title={t('errors.generic')}>{message(submit.error)}</ErrorAlert> : null}
        {pending && draft.actions.approveRefusal ? (
          <Text size="sm" role="note" data-testid="approve-refusal">
            {draft.actions.approveRefusal}
          </Text>
        ) : null}
        {pending && draft.actions.approve ? (
          <Stack gap="xs">
            <Textarea
              label={t('publishing.workflow.comment')}
              value={comment}
              maxLength={2000}
              autosize
              minRows={2}
              onChange={(event) => setComment(event.currentTarget.value)}
            />
            <Group gap="sm" wrap="wrap">
              <Button color="teal.9" onClick={() => decide.mutate('approved')} loading={decide.isPending}>
                {t('publishing.workflow.approve')}
              </Button>
              <Button
                color="red.9"
                variant="outline"
                onClick={() => decide.mutate('rejected')}
                loading={decide.isPending}
              >
                {t('publishing.workflow.reject')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {decide.isError ? <ErrorAlert title={t('errors.generic')}>{message(decide.error)}</ErrorAlert> : null}
        {decide.isSuccess ? (
          <Text size="sm" role="status">
            {t('publishing.workflow.decided')}
          </Text>
        ) : null}
        <Title order={3} size="h4">
          {t('publishing.workflow.history')}
        </Title>
        {draft.approvals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('publishing.workflow.noHistory')}
          </Text>
        ) : (
          <List size="sm" spacing={4} data-testid="decisions">
            {draft.approvals.map((approval) => (
              <List.Item key={`${approval.revision}-${approval.step}`}>
                {t('publishing.workflow.entry', {
                  decision: t(`publishing.workflow.decision.${approval.decision}`),
                  step: approval.stepName,
                  revision: approval.revision,
                  at: formatDateTime(approval.at, i18n.language),
                })}
                {approval.revision !== draft.revision ? ` (${t('publishing.workflow.stale')})` : ''}
                {approval.comment ? ` — « ${approval.comment} »` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
