import { Anchor, Badge, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { WHOLE_LABEL } from '../badge-styles';
import { formatDateTime } from '../format';
import { formatHandle, formatReach } from './listening-format';
import { categoryColour, toned, useListeningWords, VERDICT_COLOURS } from './listening-words';

export type MentionSummary = components['schemas']['MentionSummary'];

/**
 * One heard post in the stream: where, who, how many may read it, when, why it was kept (the
 * terms), and what it is (category, verdict, each a badge with its word).
 */
export function MentionCard({ mention }: { mention: MentionSummary }) {
  const { t, i18n } = useTranslation();
  const words = useListeningWords();
  const handle = formatHandle(mention.authorHandle);
  const reach = formatReach(mention.reach, i18n.language);
  return (
    <Card withBorder padding="md" component="article" data-mention-id={mention.id}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {words.source(mention.source)} · {handle ?? t('listening.stream.unknownAuthor')}
            {reach === null ? '' : ` · ${reach}`}
          </Text>
          <Text size="sm" c="dimmed" component="time" dateTime={mention.publishedAt}>
            {formatDateTime(mention.publishedAt, i18n.language)}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Badge
            variant="light"
            color={categoryColour(mention.category)}
            styles={toned(categoryColour(mention.category))}
            data-category={mention.category}
          >
            {words.category(mention.category)}
          </Badge>
          <Badge
            variant="outline"
            color={VERDICT_COLOURS[mention.verdict] ?? 'gray'}
            styles={toned(VERDICT_COLOURS[mention.verdict] ?? 'gray')}
            data-verdict={mention.verdict}
          >
            {t('listening.filters.verdict')} : {words.verdict(mention.verdict)}
          </Badge>
          {mention.incidentId === null ? null : (
            <Badge variant="filled" color="dark" styles={WHOLE_LABEL}>
              {t('listening.stream.incident')}
            </Badge>
          )}
        </Group>
        <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{mention.excerpt}</Text>
        {mention.matchedTerms.length === 0 ? null : (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('listening.stream.matched')} : {mention.matchedTerms.map((term) => `« ${term} »`).join(', ')}
          </Text>
        )}
        <Anchor component={Link} to={`/veille/mentions/${encodeURIComponent(mention.id)}`} size="sm" fw={600}>
          {t('listening.stream.open')}
          <VisuallyHidden> — {handle ?? t('listening.stream.unknownAuthor')}</VisuallyHidden>
        </Anchor>
      </Stack>
    </Card>
  );
}
