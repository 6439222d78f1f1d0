import { networkLabel } from '@blouse/contract';
import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublishingDraft } from '../api/types';
import { NetworkPreview } from './network-preview';
import { VerdictBadge } from './verdict-badge';

type Variant = PublishingDraft['variants'][number];

/** A saved variant as the guard read it: its verdict, its findings, and how it will look. */
export function VariantReview({
  variant,
  media,
  draftId,
}: {
  variant: Variant;
  media: PublishingDraft['media'];
  draftId: string;
}) {
  const { t, i18n } = useTranslation();
  const name = networkLabel(variant.network, i18n.language.startsWith('en') ? 'en' : 'fr');
  return (
    <Paper withBorder p="sm" component="section" aria-label={name} data-testid={`variant-${variant.network}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            {name}
          </Title>
          <VerdictBadge verdict={variant.verdict}>{t(`publishing.verdict.${variant.verdict}`)}</VerdictBadge>
        </Group>
        {variant.findings.length === 0 ? (
          <Text size="sm">{t('publishing.noFindings')}</Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t('publishing.findings')}
            </Text>
            <List size="sm" spacing={4}>
              {variant.findings.map((finding) => (
                <List.Item key={finding.rule}>
                  <Text span fw={600}>
                    {finding.rule}
                  </Text>{' '}
                  — {finding.explanation}{' '}
                  <Text span c="dimmed" size="xs">
                    · {t(`publishing.raisedBy.${finding.raisedBy}`)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Text size="sm" fw={600}>
          {t('publishing.preview')}
        </Text>
        <NetworkPreview variant={variant} media={media} draftId={draftId} />
      </Stack>
    </Paper>
  );
}
