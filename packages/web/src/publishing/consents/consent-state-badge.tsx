import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toned } from '../../listening/listening-words';

const STATE_COLOURS: Readonly<Record<string, string>> = {
  valid: 'teal',
  not_yet: 'blue',
  expired: 'orange.9',
  withdrawn: 'red',
};

/** Where a consent stands today, in words (colour is never the only signal). */
export function ConsentStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const colour = STATE_COLOURS[state] ?? 'gray.8';
  return (
    <Badge variant="outline" color={colour} styles={toned(colour)} data-testid="consent-state">
      {t(`publishing.consents.state.${state}`, { defaultValue: state })}
    </Badge>
  );
}
