import { Anchor, Blockquote, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../api/types';
import { formatDateTime } from '../format';
import { useVocabulary } from '../vocabulary';

/** What was reported: link, network, the excerpt as the reporter copied it, their note. */
export function IncidentReportCard({ report }: { report: IncidentDetail['report'] }) {
  const { t, i18n } = useTranslation();
  const words = useVocabulary();
  return (
    <Card withBorder component="section" aria-labelledby="incident-report">
      <Title order={2} size="h4" id="incident-report" mb="xs">
        {t('incidents.report')}
      </Title>
      {report === null ? (
        <Text c="dimmed">{t('incidents.noReport')}</Text>
      ) : (
        <Stack gap="xs">
          <Text>
            <strong>{t('incidents.url')} : </strong>
            <Anchor
              href={report.url}
              target="_blank"
              rel="noreferrer noopener"
              style={{ overflowWrap: 'anywhere' }}
            >
              {report.url}
            </Anchor>
          </Text>
          <Text>
            <strong>{t('incidents.network')} : </strong>
            {words.network(report.network)} · {formatDateTime(report.createdAt, i18n.language)}
          </Text>
          {report.excerpt !== '' ? (
            <Blockquote className="prewrap" p="sm" color="gray" cite={t('incidents.excerpt')}>
              {report.excerpt}
            </Blockquote>
          ) : null}
          {report.seenWhere !== '' ? (
            <Text>
              <strong>{t('incidents.seenWhere')} : </strong>
              {report.seenWhere}
            </Text>
          ) : null}
          {report.note !== '' ? (
            <Text className="prewrap">
              <strong>{t('incidents.note')} : </strong>
              {report.note}
            </Text>
          ) : null}
          <Text>
            <strong>{t('incidents.reporter')} : </strong>
            {report.reporterName ?? t('incidents.anonymous')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
