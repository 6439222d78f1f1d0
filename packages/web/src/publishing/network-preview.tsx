import {
  foldText,
  NETWORK_PREVIEWS,
  type PostSegment,
  type PublishingNetwork,
  postSegments,
} from '@blouse/contract';
import { Anchor, Avatar, Box, Button, Group, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishingDraft } from '../api/types';
import { useSignedIn } from '../session/session-context';

type Variant = PublishingDraft['variants'][number];

/** Each network's own accent for links and tags, as readers know it (text stays dark for contrast). */
const ACCENTS: Readonly<Record<PublishingNetwork, string>> = {
  facebook: '#0a5ad4',
  instagram: '#00376b',
  linkedin: '#0a66c2',
  x: '#0f6ab4',
  youtube: '#065fd4',
  tiktok: '#1f4f8f',
  bluesky: '#0a6fd6',
  mastodon: '#4f46c8',
};

const SHAPES = { square: '1 / 1', wide: '16 / 9', tall: '9 / 16', free: undefined } as const;

/**
 * The variant as a reader of the network first sees it: the establishment's name, the photos
 * before or after the text as the network places them, the text cut where « Voir plus » appears
 * (the figures are approximate, contract network-previews.ts), links and hashtags coloured, and
 * links that cannot be followed (Instagram) shown as plain text.
 */
export function NetworkPreview({
  variant,
  media,
  draftId,
}: {
  variant: Variant;
  media: PublishingDraft['media'];
  draftId: string;
}) {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const [open, setOpen] = useState(false);
  const rules = NETWORK_PREVIEWS[variant.network];
  const { shown, folded } = foldText(variant.text, open ? null : rules.fold);
  const accent = ACCENTS[variant.network];
  const name = membership.establishmentName;
  const photos =
    media.length === 0 ? null : (
      <SimpleGrid cols={media.length === 1 ? 1 : 2} spacing={2}>
        {media.map((item) => {
          const src = `/api/establishments/${membership.establishmentId}/publishing/drafts/${draftId}/media/${item.id}`;
          const frame = {
            aspectRatio: SHAPES[rules.mediaShape],
            maxHeight: rules.mediaShape === 'tall' ? 320 : undefined,
          };
          return item.mediaType.startsWith('video/') ? (
            // biome-ignore lint/a11y/useMediaCaption: a preview of the desk's own clip, described by its alt text
            <video
              key={item.id}
              src={src}
              aria-label={item.altText}
              controls
              preload="metadata"
              style={{ ...frame, width: '100%', objectFit: 'cover', borderRadius: 4, background: '#000' }}
            />
          ) : (
            <Image key={item.id} src={src} alt={item.altText} radius="sm" fit="cover" style={frame} />
          );
        })}
      </SimpleGrid>
    );
  return (
    <Paper withBorder radius="md" p="sm" bg="white" data-testid="preview" maw={560}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Avatar radius="xl" size="sm" color="blue" aria-hidden>
            {name.slice(0, 1)}
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`publishing.previewAs.${variant.network}`)}
            </Text>
          </Stack>
        </Group>
        {rules.mediaFirst ? photos : null}
        {variant.title ? (
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {variant.title}
          </Text>
        ) : null}
        <Box>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {postSegments(shown).map((segment, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed reading of one text
              <Segment key={i} segment={segment} accent={accent} clickable={rules.linksClickable} />
            ))}
            {folded ? '… ' : null}
          </Text>
          {folded ? (
            <Button variant="subtle" size="compact-xs" px={0} c="dark.6" onClick={() => setOpen(true)}>
              {t('publishing.seeMore')}
            </Button>
          ) : null}
        </Box>
        {rules.mediaFirst ? null : photos}
        {!rules.linksClickable && postSegments(variant.text).some((s) => s.kind === 'link') ? (
          <Text size="xs" c="dimmed">
            {t('publishing.linksNotClickable')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Segment({
  segment,
  accent,
  clickable,
}: {
  segment: PostSegment;
  accent: string;
  clickable: boolean;
}) {
  if (segment.kind === 'text') return <>{segment.text}</>;
  if (segment.kind === 'link' && clickable)
    return (
      <Anchor href={segment.text} target="_blank" rel="noreferrer" c={accent} inherit>
        {segment.text}
      </Anchor>
    );
  if (segment.kind === 'link') return <>{segment.text}</>;
  return (
    <Text span inherit c={accent} fw={600}>
      {segment.text}
    </Text>
  );
}
