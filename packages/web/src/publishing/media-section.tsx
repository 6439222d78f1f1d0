import {
  Button,
  FileInput,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, formBody, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import type { PublishingDraft } from '../api/types';
import { DARK_RED } from '../listening/listening-words';
import { useSignedIn } from '../session/session-context';
import { draftKey } from './draft-key';

/**
 * The draft's photos, published with every variant: each with its alternative text. The server
 * strips their metadata (GPS, device, author) before keeping them; a change is a new revision.
 */
export function MediaSection({ draft }: { draft: PublishingDraft }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const path = { establishmentId, draftId: draft.id };
  const refresh = () => queryClient.invalidateQueries({ queryKey: draftKey(establishmentId, draft.id) });
  const add = useMutation({
    mutationFn: () => {
      if (file === null) throw new Error(t('publishing.media.choose'));
      const form = new FormData();
      // Fields before the file: the server reads the parts in order.
      form.append('alt_text', alt);
      form.append('revision', String(draft.revision));
      form.append('file', file);
      return unwrap(
        client.POST('/api/establishments/{establishmentId}/publishing/drafts/{draftId}/media', {
          params: { path },
          body: formBody(form),
        }),
      );
    },
    onSuccess: async () => {
      setFile(null);
      setAlt('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (mediaId: string) =>
      unwrap(
        client.DELETE('/api/establishments/{establishmentId}/publishing/drafts/{draftId}/media/{mediaId}', {
          params: { path: { ...path, mediaId }, query: { revision: draft.revision } },
        }),
      ),
    onSuccess: refresh,
  });
  const replace = useMutation({
    mutationFn: (mediaId: string) =>
      unwrap(
        client.POST(
          '/api/establishments/{establishmentId}/publishing/drafts/{draftId}/media/{mediaId}/safe-copy',
          { params: { path: { ...path, mediaId } }, body: { revision: draft.revision } },
        ),
      ),
    onSuccess: refresh,
  });
  const editable = draft.actions.edit;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="media-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="media-heading">
          {t('publishing.media.heading')}
        </Title>
        <Text size="sm">{t('publishing.media.hint')}</Text>
        {draft.media.length > 0 ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="photos">
            {draft.media.map((item) => (
              <Stack key={item.id} gap={4}>
                {item.mediaType.startsWith('video/') ? (
                  // biome-ignore lint/a11y/useMediaCaption: the desk's own clip, described by its alt text below
                  <video
                    src={`/api/establishments/${establishmentId}/publishing/drafts/${draft.id}/media/${item.id}`}
                    aria-label={item.altText}
                    controls
                    preload="metadata"
                    style={{
                      width: '100%',
                      height: 120,
                      objectFit: 'cover',
                      borderRadius: 4,
                      background: '#000',
                    }}
                  />
                ) : (
                  <Image
                    src={`/api/establishments/${establishmentId}/publishing/drafts/${draft.id}/media/${item.id}`}
                    alt={item.altText}
                    radius="sm"
                    fit="cover"
                    h={120}
                  />
                )}
                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {item.altText}
                </Text>
                {item.check ? <PhotoCheckLine check={item.check} /> : null}
                {editable && item.check && (item.check.faces > 0 || item.check.backgroundRules.length > 0) ? (
                  <Button
                    size="xs"
                    variant="default"
                    // Two lines in a phone's narrow column rather than a label cut short.
                    h="auto"
                    py={4}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                    aria-label={t('publishing.media.safeCopyLabel', { alt: item.altText })}
                    loading={replace.isPending && replace.variables === item.id}
                    onClick={() => replace.mutate(item.id)}
                  >
                    {t('publishing.media.safeCopy')}
                  </Button>
                ) : null}
                {editable ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    style={DARK_RED}
                    aria-label={t('publishing.media.removeLabel', { alt: item.altText })}
                    loading={remove.isPending && remove.variables === item.id}
                    onClick={() => remove.mutate(item.id)}
                  >
                    {t('publishing.media.remove')}
                  </Button>
                ) : null}
              </Stack>
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('publishing.media.none')}
          </Text>
        )}
        {editable ? (
          <Group
            component="form"
            gap="sm"
            align="flex-end"
            wrap="wrap"
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate();
            }}
          >
            <FileInput
              label={t('publishing.media.file')}
              accept="image/png,image/jpeg,image/webp,video/mp4"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('publishing.media.clearFile') }}
              style={{ flex: '1 1 14rem', minWidth: 0 }}
            />
            <TextInput
              label={t('publishing.media.alt')}
              value={alt}
              required
              maxLength={1000}
              onChange={(event) => setAlt(event.currentTarget.value)}
              style={{ flex: '2 1 16rem', minWidth: 0 }}
            />
            <Button type="submit" loading={add.isPending} disabled={file === null}>
              {t('publishing.media.add')}
            </Button>
          </Group>
        ) : null}
        {add.isError ? <ErrorAlert title={t('errors.generic')}>{message(add.error)}</ErrorAlert> : null}
        {remove.isError ? <ErrorAlert title={t('errors.generic')}>{message(remove.error)}</ErrorAlert> : null}
        {replace.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(replace.error)}</ErrorAlert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** What the image guard saw in a photo, in one or two short lines. */
function PhotoCheckLine({ check }: { check: NonNullable<PublishingDraft['media'][number]['check']> }) {
  const { t } = useTranslation();
  if (check.faces === 0 && check.backgroundRules.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('publishing.media.checkClear')}
      </Text>
    );
  return (
    <Text size="xs" fw={600} c={check.backgroundBlocks ? 'red.9' : undefined}>
      {check.faces > 0 ? t('publishing.media.checkFaces', { count: check.faces }) : null}
      {check.faces > 0 && check.backgroundRules.length > 0 ? ' ' : null}
      {check.backgroundRules.length > 0
        ? t('publishing.media.checkBackground', { rules: check.backgroundRules.join(', ') })
        : null}
    </Text>
  );
}
