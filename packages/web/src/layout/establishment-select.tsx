import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';

/** Only for people who work in several establishments. */
export function EstablishmentSelect() {
  const { t } = useTranslation();
  const { session, membership, chooseEstablishment } = useSession();
  const memberships = session?.memberships ?? [];
  if (memberships.length < 2 || membership === null) return null;
  return (
    <NativeSelect
      label={t('nav.establishment')}
      size="xs"
      value={membership.establishmentId}
      onChange={(event) => chooseEstablishment(event.currentTarget.value)}
      data={memberships.map((m) => ({
        value: m.establishmentId,
        label: `${m.establishmentName} (${t(`roles.${m.role}`)})`,
      }))}
    />
  );
}
