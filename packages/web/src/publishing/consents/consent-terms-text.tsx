import { networkLabel } from '@blouse/contract';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';

/** « Personnel · nom, image · Bluesky, Facebook · du 15 octobre 2026 au 14 octobre 2027 » */
export function ConsentTermsText({
  consent,
}: {
  consent: {
    readonly personKind: string;
    readonly uses: readonly string[];
    readonly networks: readonly string[];
    readonly givenOn?: string;
    readonly expiresOn: string;
  };
}) {
  const { t, i18n } = useTranslation();
  const day = (date: string) => formatDate(`${date}T12:00:00Z`, i18n.language);
  const networks =
    consent.networks.length === 0
      ? t('publishing.consents.allNetworks')
      : consent.networks.map((network) => networkLabel(network)).join(', ');
  const period =
    consent.givenOn === undefined
      ? t('publishing.people.until', { date: day(consent.expiresOn) })
      : t('publishing.consents.period', { from: day(consent.givenOn), to: day(consent.expiresOn) });
  return (
    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      {[
        t(`publishing.consents.kind.${consent.personKind}`),
        consent.uses.map((use) => t(`publishing.consents.use.${use}`)).join(', '),
        networks,
        period,
      ].join(' · ')}
    </Text>
  );
}
