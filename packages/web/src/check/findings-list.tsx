import { Badge, Code, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../api/types';
import { WHOLE_LABEL } from '../badge-styles';

/** Each finding in the UI language: what could be a problem, and what to do instead. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <section aria-labelledby="findings-title">
      <Title order={2} size="h4" id="findings-title" mb="xs">
        {t('check.findings')}
      </Title>
      {findings.length === 0 ? (
        <Text c="dimmed">{t('check.noFindings')}</Text>
      ) : (
        <List listStyleType="none" spacing="sm" data-testid="findings">
          {findings.map((finding, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a rule may fire twice; order is stable per report
            <List.Item key={`${finding.rule}-${index}`} data-rule={finding.rule}>
              <Paper withBorder p="sm">
                <Stack gap={4}>
                  <Text>{finding.explanation[language]}</Text>
                  <Text size="sm" component="div">
                    <Badge
                      styles={WHOLE_LABEL}
                      variant="outline"
                      color={finding.severity === 'block' ? 'red.9' : 'orange.9'}
                      mr="xs"
                    >
                      {finding.severity === 'block' ? t('check.markBlock') : t('check.markWarn')}
                    </Badge>
                    {t('check.rule')} <Code>{finding.rule}</Code>
                    <Text span size="sm" c="dimmed" ml="xs" data-testid="raised-by">
                      · {finding.raisedBy === 'model' ? t('check.raisedByModel') : t('check.raisedByRule')}
                    </Text>
                  </Text>
                  <Text size="sm">
                    <strong>{t('check.fix')} : </strong>
                    {finding.fix.text[language]}
                  </Text>
                </Stack>
              </Paper>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
