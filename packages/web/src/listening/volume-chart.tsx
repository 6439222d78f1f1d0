import { BarChart } from '@mantine/charts';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { formatNumber } from '../format';
import { alertLabelPosition, formatHour, volumeSeries } from './listening-format';
import { useListeningWords } from './listening-words';

type Volume = components['schemas']['MentionVolume'];

/**
 * Mentions per hour over the period, each alert a vertical line on its hour. The chart is for the
 * eye; the same figures are in a table below it (folded), for screen readers and for copying.
 */
export function VolumeChart({ volume }: { volume: Volume }) {
  const { t, i18n } = useTranslation();
  const words = useListeningWords();
  const label = (iso: string) => formatHour(iso, i18n.language);
  const { points, alertHours } = volumeSeries(volume.buckets, volume.alerts, label);
  const total = points.reduce((sum, point) => sum + point.mentions, 0);
  const alertsByHour = new Map<string, string[]>();
  for (const alert of volume.alerts) {
    const hour = alertHours.find((placed) => placed.id === alert.id)?.hour;
    if (hour !== undefined)
      alertsByHour.set(hour, [...(alertsByHour.get(hour) ?? []), words.reason(alert.reason)]);
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="volume-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="volume-heading">
          {t('listening.chart.heading')}
        </Title>
        <Text size="sm" id="volume-description">
          {t('listening.chart.description')}{' '}
          {t('listening.chart.total', {
            count: total,
            formattedCount: formatNumber(total, i18n.language),
          })}{' '}
          {t('listening.chart.alertCount', {
            count: volume.alerts.length,
            formattedCount: formatNumber(volume.alerts.length, i18n.language),
          })}
        </Text>
        <div
          role="img"
          aria-labelledby="volume-heading"
          aria-describedby="volume-description"
          data-testid="volume-chart"
        >
          <BarChart
            h={220}
            data={points}
            dataKey="hour"
            series={[{ name: 'mentions', label: t('listening.chart.mentions'), color: 'blue.7' }]}
            tickLine="y"
            gridAxis="y"
            withTooltip
            tooltipAnimationDuration={0}
            xAxisProps={{ minTickGap: 24 }}
            yAxisProps={{ allowDecimals: false, width: 32 }}
            referenceLines={[...new Set(alertHours.map((placed) => placed.hour))].map((hour) => ({
              x: hour,
              color: 'red.8',
              label: t('listening.chart.alertMarker'),
              labelPosition: alertLabelPosition(
                points.findIndex((point) => point.hour === hour),
                points.length,
              ),
              strokeDasharray: '4 3',
            }))}
          />
        </div>
        <details>
          <summary>{t('listening.chart.table')}</summary>
          <Table.ScrollContainer minWidth={280} maxHeight={320}>
            <Table striped data-testid="volume-table">
              <caption className="skip-link">{t('listening.chart.heading')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('listening.chart.hour')}</Table.Th>
                  <Table.Th scope="col">{t('listening.chart.mentions')}</Table.Th>
                  <Table.Th scope="col">{t('listening.chart.alerts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {points
                  .filter((point) => point.mentions > 0 || alertsByHour.has(point.hour))
                  .map((point) => (
                    <Table.Tr key={point.start}>
                      <Table.Td>{point.hour}</Table.Td>
                      <Table.Td>{formatNumber(point.mentions, i18n.language)}</Table.Td>
                      <Table.Td>{(alertsByHour.get(point.hour) ?? []).join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </details>
      </Stack>
    </Paper>
  );
}
