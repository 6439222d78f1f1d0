import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../api/types';
import { formatDateTime, formatNumber, labelOf } from '../format';
import { useSignedIn } from '../session/session-context';
import { HashCode } from './hash-code';
import { incidentPath } from './incident-paths';

/** The types the server re-encodes and serves for display (its /image route refuses others). */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * One sealed piece: what, when, by whom, its fingerprint and a download (an audited read). An
 * image (a report's screenshot, an uploaded capture) is shown as a thumbnail, which opens whole.
 */
export function EvidenceItem({ evidence }: { evidence: Evidence }) {
  const { t, i18n } = useTranslation();
  const { membership } = useSignedIn();
  const piecePath = (rest: string) =>
    incidentPath(
      membership.establishmentId,
      evidence.incidentId,
      `/evidence/${encodeURIComponent(evidence.id)}${rest}`,
    );
  const href = piecePath('/content');
  const imageHref = IMAGE_TYPES.has(evidence.mediaType) ? piecePath('/image') : null;
  return (
    <Card component="li" withBorder padding="sm" data-testid="evidence-item">
      <Stack gap={4}>
        {imageHref !== null ? (
          <Anchor
            href={imageHref}
            target="_blank"
            rel="noopener"
            aria-label={t('reporting.evidence.open', { name: evidence.fileName })}
            style={{ alignSelf: 'flex-start' }}
          >
            <img
              src={imageHref}
              alt={t('reporting.evidence.thumbnail', { name: evidence.fileName })}
              loading="lazy"
              data-testid="evidence-thumbnail"
              style={{
                display: 'block',
                maxWidth: '100%',
                maxHeight: 180,
                borderRadius: 4,
                border: '1px solid #ced4da',
              }}
            />
          </Anchor>
        ) : null}
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
        {evidence.originalSha256 !== null && evidence.originalSha256 !== undefined ? (
          <>
            <Text size="xs" fw={600}>
              {t('reporting.evidence.original')}
            </Text>
            <HashCode label={t('reporting.evidence.original')} value={evidence.originalSha256} />
          </>
        ) : null}
        <Anchor href={href} download={evidence.fileName} size="sm">
          {t('desk.evidence.download', { name: evidence.fileName })}
        </Anchor>
      </Stack>
    </Card>
  );
}
