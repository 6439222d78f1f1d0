import { Alert, Anchor, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FiledReport } from '../api/types';
import { formatDateTime } from '../format';

interface Props {
  filed: FiledReport;
  anonymous: boolean;
  onAnother: () => void;
}

/** The acknowledgement, and for an anonymous report the follow-up code, shown this once only. */
export function ReportReceived({ filed, anonymous, onAnother }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack maw={640}>
      <Paper p="md" role="status" style={{ background: '#ebfbee', borderLeft: '6px solid #2b8a3e' }}>
        <Title order={2} size="h3" mb="xs">
          {t('report.thanks')}
        </Title>
        <Text>{filed.acknowledgement}</Text>
        <Text size="sm" mt="xs">
          {t('report.reference', { reference: filed.incidentReference })} ·{' '}
          {t('report.receivedAt', { date: formatDateTime(filed.receivedAt, i18n.language) })}
        </Text>
      </Paper>
      {anonymous && filed.followUpCode !== undefined ? (
        <Alert
          color="orange"
          title={t('report.followUpCode')}
          variant="outline"
          // Mantine's orange title is 3.6:1 on white; this brown keeps the hue at 4.5:1 and more.
          styles={{ title: { color: '#8a3200' } }}
        >
          {/* 39 characters in one word: it must wrap on a phone rather than push the page sideways. */}
          <Code
            fz="lg"
            block
            data-testid="follow-up-code"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', wordBreak: 'break-all' }}
          >
            {filed.followUpCode}
          </Code>
          <CopyButton value={filed.followUpCode}>
            {({ copied, copy }) => (
              <Button
                mt="xs"
                size="sm"
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal.9' : undefined}
                // Mantine hovers a shade-9 button with shade 8, too light for white text (3.9:1);
                // the pointer is still on the button when « Code copié » shows.
                style={copied ? { '--button-hover': 'var(--mantine-color-teal-9)' } : undefined}
                onClick={copy}
              >
                {copied ? t('reporting.copied') : t('reporting.copy')}
              </Button>
            )}
          </CopyButton>
          <Text mt="xs" fw={600} c="#1a1b1e">
            {t('report.followUpWarning')}
          </Text>
          <Anchor component={Link} to="/suivi" mt="xs" display="inline-block">
            {t('reporting.followLink')}
          </Anchor>
        </Alert>
      ) : null}
      <Group wrap="wrap">
        <Anchor component={Link} to="/mes-signalements">
          {t('report.mine')}
        </Anchor>
        <Button variant="default" onClick={onAnother}>
          {t('report.another')}
        </Button>
      </Group>
    </Stack>
  );
}
