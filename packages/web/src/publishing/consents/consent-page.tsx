import { networkLabel } from '@blouse/contract';
import { Anchor, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../admin/error-alert';
import { client, unwrap } from '../../api/client';
import { useErrorMessage } from '../../api/error-messages';
import type { PublishingConsentDetail } from '../../api/types';
import { formatDateTime } from '../../format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useSignedIn } from '../../session/session-context';
import { canUsePublishing } from '../publishing-roles';
import { StatusBadge } from '../status-badge';
import { consentKey } from './consent-keys';
import { ConsentStateBadge } from './consent-state-badge';
import { ConsentTermsText } from './consent-terms-text';
import { TakedownsList } from './takedowns-list';

/** /publier/consentements/:consentId: one consent, its form, the posts relying on it, its withdrawal. */
export function ConsentPage() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const { membership, role } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const consentId = useParams().consentId ?? '';
  useDocumentTitle(t('publishing.consents.title'));
  const query = useQuery({
    queryKey: consentKey(establishmentId, consentId),
    enabled: canUsePublishing(role),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/consents/{consentId}', {
          params: { path: { establishmentId, consentId } },
          signal,
        }),
      ),
  });
  if (!canUsePublishing(role)) return <Text>{t('publishing.consents.reserved')}</Text>;
  const consent = query.data;
  return (
    <Stack>
      <Anchor component={Link} to="/publier/consentements" size="sm">
        ← {t('publishing.consents.back')}
      </Anchor>
      {query.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? <ErrorAlert title={t('errors.generic')}>{message(query.error)}</ErrorAlert> : null}
      {consent ? (
        <>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {consent.personName}
            </Title>
            <ConsentStateBadge state={consent.state} />
          </Group>
          <TakedownsList items={consent.takedowns} />
          <Paper withBorder p="md">
            <Stack gap="xs">
              <ConsentTermsText consent={consent} />
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <strong>{t('publishing.consents.detail.purpose')} : </strong>
                {consent.purpose}
              </Text>
              {consent.signatory ? (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <strong>{t('publishing.consents.detail.signatory')} : </strong>
                  {consent.signatory}
                </Text>
              ) : null}
              <Text size="sm">
                {t('publishing.consents.detail.recordedAt', {
                  date: formatDateTime(consent.createdAt, i18n.language),
                })}
              </Text>
              {consent.withdrawal ? (
                <Text size="sm" c="red.9">
                  {t('publishing.consents.detail.withdrawn', {
                    date: formatDateTime(consent.withdrawal.at, i18n.language),
                  })}
                  {consent.withdrawal.reason
                    ? ` · ${t('publishing.consents.detail.reason', { reason: consent.withdrawal.reason })}`
                    : ''}
                </Text>
              ) : null}
              <Group gap="xs" wrap="wrap">
                <Button
                  component="a"
                  variant="default"
                  href={`/api/establishments/${establishmentId}/publishing/consents/${consent.id}/form`}
                  download
                >
                  {t('publishing.consents.detail.form')}
                </Button>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('publishing.consents.detail.formInfo', {
                    type: consent.form.mediaType,
                    size: consent.form.byteSize,
                    hash: consent.form.sha256.slice(0, 16),
                  })}
                </Text>
              </Group>
            </Stack>
          </Paper>
          <ConsentDrafts consent={consent} />
          {consent.withdrawal === null ? <WithdrawSection consent={consent} /> : null}
        </>
      ) : null}
    </Stack>
  );
}

function ConsentDrafts({ consent }: { consent: PublishingConsentDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-drafts-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="consent-drafts-heading">
          {t('publishing.consents.detail.drafts')}
        </Title>
        {consent.drafts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('publishing.consents.detail.noDrafts')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {consent.drafts.map((draft) => (
              <Stack component="li" key={draft.id} gap={2}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/publier/${draft.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {draft.title}
                  </Anchor>
                  <StatusBadge status={draft.status} />
                </Group>
                {draft.publications.map((publication) => (
                  <Text key={publication.id} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {networkLabel(publication.network)} ·{' '}
                    {t(`publishing.schedule.status.${publication.status}`)}
                    {publication.url ? (
                      <>
                        {' · '}
                        <Anchor href={publication.url} target="_blank" rel="noreferrer">
                          {publication.url}
                        </Anchor>
                      </>
                    ) : null}
                  </Text>
                ))}
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function WithdrawSection({ consent }: { consent: PublishingConsentDetail }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const establishmentId = useSignedIn().membership.establishmentId;
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/publishing/consents/{consentId}/withdraw', {
          params: { path: { establishmentId, consentId: consent.id } },
          body: { reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['publishing', establishmentId] }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="withdraw-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="withdraw-heading">
          {t('publishing.consents.withdraw.heading')}
        </Title>
        <Text size="sm">{t('publishing.consents.withdraw.hint')}</Text>
        <Textarea
          label={t('publishing.consents.withdraw.reason')}
          value={reason}
          maxLength={1000}
          autosize
          minRows={2}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group gap="sm">
          {confirming ? (
            <>
              <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
                {t('publishing.consents.withdraw.confirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('publishing.consents.withdraw.cancel')}
              </Button>
            </>
          ) : (
            <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
              {t('publishing.consents.withdraw.submit')}
            </Button>
          )}
        </Group>
        {withdraw.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(withdraw.error)}</ErrorAlert>
        ) : null}
      </Stack>
    </Paper>
  );
}
