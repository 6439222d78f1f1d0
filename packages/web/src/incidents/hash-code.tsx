import { Button, CopyButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A SHA-256 in full, monospace, with a copy button: people paste it into reports and mails. */
export function HashCode({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <code className="desk-hash" data-testid="evidence-sha256">
        {value}
      </code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant="default"
            onClick={copy}
            aria-label={`${copied ? t('check.copied') : t('check.copy')} : ${label}`}
            style={{ flexShrink: 0 }}
          >
            {copied ? t('check.copied') : t('check.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
