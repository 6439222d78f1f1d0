import { isPublishingNetwork, NETWORK_PUBLISHING_RULES, type PublishingNetwork } from '@blouse/contract';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import type { PublishingDraft } from '../api/types';
import { fieldError } from '../listening/field-error';
import { useSignedIn } from '../session/session-context';
import { draftKey } from './draft-key';
import { NetworkChoice } from './network-choice';
import { type VariantDraft, VariantField } from './variant-field';

const EMPTY: VariantDraft = { text: '', title: '' };

/** The form of a draft: its internal title, its networks and one text per network. */
export function DraftEditor({ draft }: { draft: PublishingDraft | null }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  // A health day of the calendar offers its name as the new post's title (« ?titre=… »).
  const [searchParams] = useSearchParams();
  const [title, setTitle] = useState(draft?.title ?? searchParams.get('titre')?.slice(0, 200) ?? '');
  const [networks, setNetworks] = useState<PublishingNetwork[]>(
    draft?.variants.map((variant) => variant.network).filter(isPublishingNetwork) ?? ['facebook'],
  );
  const [variants, setVariants] = useState<Partial<Record<PublishingNetwork, VariantDraft>>>(() =>
    Object.fromEntries(draft?.variants.map((v) => [v.network, { text: v.text, title: v.title ?? '' }]) ?? []),
  );
  const body = () => ({
    title,
    variants: networks.map((network) => {
      const value = variants[network] ?? EMPTY;
      return NETWORK_PUBLISHING_RULES[network].hasTitle
        ? { network, text: value.text, title: value.title }
        : { network, text: value.text };
    }),
  });
  const save = useMutation({
    mutationFn: () =>
      draft === null
        ? unwrap(
            client.POST('/api/establishments/{establishmentId}/publishing/drafts', {
              params: { path: { establishmentId } },
              body: body(),
            }),
          )
        : unwrap(
            client.PUT('/api/establishments/{establishmentId}/publishing/drafts/{draftId}', {
              params: { path: { establishmentId, draftId: draft.id } },
              body: { ...body(), revision: draft.revision },
            }),
          ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(draftKey(establishmentId, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['publishing', establishmentId, 'drafts'] });
      if (draft === null) await navigate(`/publier/${saved.id}`);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="editor-heading">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Title order={2} size="h3" id="editor-heading">
          {t('publishing.editor.heading')}
        </Title>
        {draft !== null && draft.status !== 'draft' ? (
          <Text size="sm" role="note">
            {t('publishing.editor.resetWarning')}
          </Text>
        ) : null}
        <TextInput
          label={t('publishing.editor.title')}
          value={title}
          required
          maxLength={200}
          error={fieldError(save.error, 'title')}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <NetworkChoice value={networks} onChange={setNetworks} />
        {networks.length === 0 ? <Text size="sm">{t('publishing.editor.pickNetwork')}</Text> : null}
        {networks.map((network) => (
          <VariantField
            key={network}
            network={network}
            value={variants[network] ?? EMPTY}
            onChange={(value) => setVariants((current) => ({ ...current, [network]: value }))}
          />
        ))}
        {save.isError ? <ErrorAlert title={t('errors.generic')}>{message(save.error)}</ErrorAlert> : null}
        {save.isSuccess && draft !== null ? (
          <Text size="sm" role="status">
            {t('publishing.editor.saved')}
          </Text>
        ) : null}
        <Button
          type="submit"
          loading={save.isPending}
          disabled={networks.length === 0}
          style={{ alignSelf: 'flex-start', maxWidth: '100%', height: 'auto', minHeight: 36 }}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left', paddingBlock: 6, lineHeight: 1.35 } }}
        >
          {t('publishing.editor.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
