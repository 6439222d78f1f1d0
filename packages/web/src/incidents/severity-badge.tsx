import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../api/types';
import { WHOLE_LABEL } from '../badge-styles';
import { useVocabulary } from '../vocabulary';

/** Fixed pairs checked for at least 4.5:1 contrast; the level is also written, not only coloured. */
const LOOK: Record<Severity, { bg: string; fg: string }> = {
  N0: { bg: '#e9ecef', fg: '#212529' },
  N1: { bg: '#d0ebff', fg: '#0b3d91' },
  N2: { bg: '#fff3bf', fg: '#5c3c00' },
  N3: { bg: '#ffd8a8', fg: '#7a2e00' },
  N4: { bg: '#b02525', fg: '#ffffff' },
};

/**
 * « N3 · Élevé »; what the level means (domain-rules §3.4) is its title on hover, and is
 * written out in the severity legend of the pages that show badges (severity-legend.tsx).
 */
export function SeverityBadge({ severity, proposed }: { severity: Severity; proposed?: boolean }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const look = LOOK[severity];
  return (
    <Badge
      styles={WHOLE_LABEL}
      tt="none"
      data-severity={severity}
      title={words.severityDefinition(severity)}
      style={{ background: look.bg, color: look.fg, border: `1px solid ${look.fg}` }}
    >
      {words.severity(severity)}
      {proposed ? ` (${t('incidents.proposed')})` : ''}
    </Badge>
  );
}
