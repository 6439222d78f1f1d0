import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../api/types';
import { WHOLE_LABEL } from '../badge-styles';
import { formatDateTime, formatRelative } from '../format';

/** « soon » and « passed » must jump out of a long table: strong fill, bold, and the word itself. */
const LOOK: Record<Deadline['state'], { bg: string; fg: string; weight: number }> = {
  ok: { bg: '#f1f3f5', fg: '#343a40', weight: 500 },
  soon: { bg: '#ffd8a8', fg: '#7a2e00', weight: 700 },
  passed: { bg: '#b02525', fg: '#ffffff', weight: 700 },
  met: { bg: '#d3f9d8', fg: '#1b5e20', weight: 500 },
};

export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  const { t, i18n } = useTranslation();
  const look = LOOK[deadline.state];
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        styles={WHOLE_LABEL}
        tt="none"
        data-state={deadline.state}
        style={{ background: look.bg, color: look.fg, fontWeight: look.weight }}
      >
        {t(`incidents.deadlineState.${deadline.state}`)} · {formatRelative(deadline.dueAt, i18n.language)}
      </Badge>
      <Text size="xs">
        {deadline.label} — {formatDateTime(deadline.dueAt, i18n.language)}
      </Text>
    </Stack>
  );
}
