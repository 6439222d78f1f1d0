import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { SaferVersion as SaferVersionData } from '../api/types';

/**
 * The guard's rewrite of the post, ready to copy; or, when no rewrite can be published (a
 * threat, an insult, someone's health), the plain reason why, so that nobody copies a text that
 * still says the same thing.
 */
export function SaferVersion({ version }: { version: SaferVersionData }) {
  const { t, i18n } = useTranslation();
  const clipboard = useClipboard({ timeout: 2000 });
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <section aria-labelledby="safer-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="safer-title">
          {t('check.safer')}
        </Title>
        {!('reason' in version) ? (
          <Button variant="filled" size="sm" onClick={() => clipboard.copy(version.text)}>
            {clipboard.copied ? t('check.copied') : t('check.copy')}
          </Button>
        ) : null}
      </Group>
      {!('reason' in version) ? (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {t('check.saferRewriteHint')}
          </Text>
          <Paper withBorder p="sm" className="prewrap" data-testid="safer-version">
            {version.text}
          </Paper>
        </>
      ) : (
        <Alert color="orange" variant="light" data-testid="safer-version-none">
          {version.reason[language]}
        </Alert>
      )}
      <span role="status" className="skip-link">
        {clipboard.copied ? t('check.copied') : ''}
      </span>
    </section>
  );
}
