import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { PeopleSection } from './consents/people-section';
import { DraftEditor } from './draft-editor';
import { draftKey } from './draft-key';
import { MediaSection } from './media-section';
import { canUsePublishing, canWriteDrafts } from './publishing-roles';
import { SchedulePanel } from './schedule-panel';
import { StatusBadge } from './status-badge';
import { VariantReview } from './variant-review';
import { WorkflowPanel } from './workflow-panel';

/** /publier/nouvelle and /publier/:draftId: write, have the guard read, submit, decide. */
export function DraftPage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { membership, role } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const draftId = useParams().draftId;
  useDocumentTitle(draftId === undefined ? t('publishing.new') : t('publishing.title'));
  const query = useQuery({
    queryKey: draftKey(establishmentId, draftId ?? ''),
    enabled: draftId !== undefined && canUsePublishing(role),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/drafts/{draftId}', {
          params: { path: { establishmentId, draftId: draftId ?? '' } },
          signal,
        }),
      ),
  });
  if (!canUsePublishing(role)) return <Text>{t('publishing.reserved')}</Text>;
  const draft = query.data;
  const editable = draftId === undefined ? canWriteDrafts(role) : draft?.actions.edit === true;
  return (
    <Stack>
      <Anchor component={Link} to="/publier" size="sm">
        ← {t('publishing.back')}
      </Anchor>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {draft?.title ?? t('publishing.new')}
        </Title>
        {draft ? <StatusBadge status={draft.status} /> : null}
      </Group>
      {query.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? <ErrorAlert title={t('errors.generic')}>{message(query.error)}</ErrorAlert> : null}
      {draft ? (
        <Stack gap="sm">
          {draft.variants.map((variant) => (
            <VariantReview key={variant.network} variant={variant} media={draft.media} draftId={draft.id} />
          ))}
          <MediaSection draft={draft} />
          <PeopleSection key={`${draft.id}-${draft.revision}`} draft={draft} />
          <WorkflowPanel draft={draft} />
          <SchedulePanel draft={draft} />
        </Stack>
      ) : null}
      {editable && (draftId === undefined || draft !== undefined) ? (
        <DraftEditor key={draft?.id ?? 'nouvelle'} draft={draft ?? null} />
      ) : null}
    </Stack>
  );
}
