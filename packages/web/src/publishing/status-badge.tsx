import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toned } from '../listening/listening-words';

const STATUS_COLOURS: Readonly<Record<string, string>> = {
  draft: 'gray.8',
  in_review: 'blue',
  approved: 'teal',
  rejected: 'red',
};

/** A draft's place in the workflow, in words (colour is never the only signal); outlined for contrast. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const colour = STATUS_COLOURS[status] ?? 'gray.8';
  return (
    <Badge variant="outline" color={colour} styles={toned(colour)} data-testid="draft-status">
      {t(`publishing.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
