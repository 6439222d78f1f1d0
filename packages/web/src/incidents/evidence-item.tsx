import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../api/types';
import { formatDateTime, formatNumber, labelOf } from '../format';
import { useSignedIn } from '../session/session-context';
import { HashCode } from './hash-code';
import { incidentPath } from './incident-paths';

/** One sealed piece: what, when, by whom, its fingerprint and a download (an audited read). */
export function EvidenceItem({ evidence }: { evidence: Evidence }) {
  const { t, i18n } = useTranslation();
  const { membership } = useSignedIn();
  const href = incidentPath(
    membership.establishmentId,
    evidence.incidentId,
    `/evidence/${encodeURIComponent(evidence.id)}/content`,
  );
  return (
    <Card component="li" withBorder padding="sm" data-testid="evidence-item">
      <Stack gap={4}>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {evidence.fileName} · {labelOf(t, 'desk.evidence.kinds', evidence.kind)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('desk.evidence.captured', {
            date: formatDateTime(evidence.capturedAt, i18n.language),
            who: evidence.capturedBy?.displayName ?? t('desk.timeline.system'),
          })}{' '}
          · {t('desk.evidence.size', { size: formatNumber(evidence.size, i18n.language) })}
        </Text>
        {evidence.sourceUrl ? (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {t('desk.evidence.source')} : {evidence.sourceUrl}
          </Text>
        ) : null}
        <Text size="xs" fw={600}>
          SHA-256
        </Text>
        <HashCode label={`SHA-256 ${evidence.fileName}`} value={evidence.sha256} />
        <Anchor href={href} download={evidence.fileName} size="sm">
          {t('desk.evidence.download', { name: evidence.fileName })}
        </Anchor>
      </Stack>
    </Card>
  );
}
