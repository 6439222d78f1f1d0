import {
  LENGTH_UNIT_LABELS,
  measureVariant,
  NETWORK_PUBLISHING_RULES,
  networkLabel,
  type PublishingNetwork,
} from '@blouse/contract';
import { Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface VariantDraft {
  readonly text: string;
  readonly title: string;
}

/**
 * One network's text (and title where the network has one), with the counts the server will
 * enforce, computed by the same contract code: X's weighted length, Bluesky's graphemes…
 */
export function VariantField({
  network,
  value,
  onChange,
  error,
}: {
  network: PublishingNetwork;
  value: VariantDraft;
  onChange: (value: VariantDraft) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const rules = NETWORK_PUBLISHING_RULES[network];
  const name = networkLabel(network, language);
  const measures = measureVariant(network, value);
  const counterId = `counter-${network}`;
  return (
    <Stack gap={4}>
      {rules.hasTitle ? (
        <TextInput
          label={t('publishing.editor.videoTitle', { network: name })}
          value={value.title}
          maxLength={200}
          onChange={(event) => onChange({ ...value, title: event.currentTarget.value })}
        />
      ) : null}
      <Textarea
        label={t('publishing.editor.text', { network: name })}
        description={rules.note[language]}
        value={value.text}
        autosize
        minRows={3}
        maxRows={14}
        error={error}
        aria-describedby={counterId}
        onChange={(event) => onChange({ ...value, text: event.currentTarget.value })}
      />
      <Group gap="md" id={counterId} aria-live="polite">
        {measures.map((measure) => (
          <Text
            key={`${measure.field}-${measure.unit}`}
            size="sm"
            c={measure.over ? 'red.9' : 'dimmed'}
            fw={measure.over ? 600 : 400}
          >
            {measure.field === 'title' ? `${t('publishing.editor.videoTitle', { network: name })} : ` : ''}
            {t('publishing.counter', {
              length: measure.length,
              max: measure.max,
              unit: LENGTH_UNIT_LABELS[measure.unit][language],
            })}
            {measure.over ? ` — ${t('publishing.over')}` : ''}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
