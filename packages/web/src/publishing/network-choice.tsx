import { networkLabel, PUBLISHING_NETWORKS, type PublishingNetwork } from '@blouse/contract';
import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The networks as checkboxes, in the contract's order. */
export function NetworkChoice({
  value,
  onChange,
}: {
  value: readonly PublishingNetwork[];
  onChange: (value: PublishingNetwork[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  return (
    <Checkbox.Group
      label={t('publishing.editor.networks')}
      value={[...value]}
      onChange={(next) => onChange(PUBLISHING_NETWORKS.filter((network) => next.includes(network)))}
    >
      <Group gap="md" mt={6} wrap="wrap">
        {PUBLISHING_NETWORKS.map((network) => (
          <Checkbox key={network} value={network} label={networkLabel(network, language)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
