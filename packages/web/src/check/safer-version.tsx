import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** The redacted text, ready to copy. */
export function SaferVersion({ redacted }: { redacted: string }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 2000 });
  return (
    <section aria-labelledby="safer-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="safer-title">
          {t('check.safer')}
        </Title>
        <Button variant="filled" size="sm" onClick={() => clipboard.copy(redacted)}>
          {clipboard.copied ? t('check.copied') : t('check.copy')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('check.saferHint')}
      </Text>
      <Paper withBorder p="sm" className="prewrap" data-testid="redacted">
        {redacted}
      </Paper>
      <span role="status" className="skip-link">
        {clipboard.copied ? t('check.copied') : ''}
      </span>
    </section>
  );
}
