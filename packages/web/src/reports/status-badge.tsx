import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '../api/types';
import { WHOLE_LABEL } from '../badge-styles';

const COLORS: Record<IncidentStatus | 'received', string> = {
  received: 'gray.7',
  new: 'blue.8',
  qualified: 'violet.8',
  decided: 'cyan.9',
  responded: 'teal.9',
  closed: 'green.9',
};

/** An incident's status in words (never an id), coloured for scanning. */
export function StatusBadge({ status }: { status: IncidentStatus | null }) {
  const { t } = useTranslation();
  const key = status ?? 'received';
  return (
    <Badge
      styles={WHOLE_LABEL}
      color={COLORS[key]}
      variant="filled"
      tt="none"
      style={{ whiteSpace: 'normal', height: 'auto' }}
    >
      {t(`status.${key}`)}
    </Badge>
  );
}
