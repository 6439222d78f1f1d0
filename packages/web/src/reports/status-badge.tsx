import { Badge, Stack, Text } from '@mantine/core';
import type { IncidentStatus } from '../api/types';
import { WHOLE_LABEL } from '../badge-styles';
import { useVocabulary } from '../vocabulary';

const COLORS: Record<IncidentStatus | 'received', string> = {
  received: 'gray.7',
  new: 'blue.8',
  qualified: 'violet.8',
  decided: 'cyan.9',
  responded: 'teal.9',
  closed: 'green.9',
};

/**
 * An incident's status in the shared words (never an id), coloured for scanning, the same in
 * the desk's list, its detail page and the reporter's view. `described` adds what it means
 * below it (for a reporter); otherwise the meaning is the badge's title.
 */
export function StatusBadge({
  status,
  described = false,
}: {
  status: IncidentStatus | null;
  described?: boolean;
}) {
  const words = useVocabulary();
  const badge = (
    <Badge
      styles={WHOLE_LABEL}
      color={COLORS[status ?? 'received']}
      variant="filled"
      tt="none"
      data-status={status ?? 'received'}
      title={described ? undefined : words.statusDescription(status)}
      style={{ whiteSpace: 'normal', height: 'auto' }}
    >
      {words.status(status)}
    </Badge>
  );
  if (!described) return badge;
  return (
    <Stack gap={2} align="flex-end" style={{ maxWidth: '16rem' }}>
      {badge}
      <Text size="xs" ta="right">
        {words.statusDescription(status)}
      </Text>
    </Stack>
  );
}
