import { BarChart } from '@mantine/charts';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './chart-card';
import { formatCount } from './dashboard-format';

/**
 * A « by … » count as horizontal bars (names on the left, readable at 375 px), with its table and CSV.
 */
export function CountCard({
  id,
  title,
  header,
  rows,
  label,
  csvHref,
  colour = 'blue.7',
}: {
  id: string;
  title: string;
  header: string;
  rows: readonly { key: string; count: number }[];
  label: (key: string) => string;
  csvHref: string;
  colour?: string;
}) {
  const { t, i18n } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  // Only zeros (a closed list of verdicts, none this period): nothing to draw or list.
  const data = rows.some((row) => row.count > 0)
    ? rows.map((row) => ({ ...row, label: label(row.key) }))
    : [];
  return (
    <ChartCard
      id={id}
      title={title}
      rows={data}
      rowKey={(row) => row.key}
      csvHref={csvHref}
      columns={[
        { header, cell: (row) => row.label },
        { header: t('analytics.count'), cell: (row) => formatCount(row.count, i18n.language), numeric: true },
      ]}
      chart={
        <BarChart
          h={Math.max(110, data.length * 34)}
          data={data}
          dataKey="label"
          orientation="vertical"
          series={[{ name: 'count', label: t('analytics.count'), color: colour }]}
          tickLine="x"
          gridAxis="x"
          tooltipAnimationDuration={0}
          yAxisProps={{
            width: narrow ? 110 : 180,
            tickFormatter: (value: string) =>
              value.length > (narrow ? 16 : 28) ? `${value.slice(0, narrow ? 15 : 27)}…` : value,
          }}
          xAxisProps={{ allowDecimals: false }}
        />
      }
    />
  );
}
