import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  /** Right-aligned figures. */
  readonly numeric?: boolean;
}

/**
 * One figure of the dashboard: a title, a chart for the eye, and below it the same figures as a
 * table (charts say nothing to a screen reader, and a table can be copied), with the table's CSV.
 * The chart is an image labelled by the title; its numbers are in the table.
 */
export function ChartCard<Row>({
  id,
  title,
  description,
  chart,
  rows,
  columns,
  csvHref,
  rowKey,
}: {
  id: string;
  title: string;
  description?: string;
  chart?: ReactNode;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  csvHref: string;
  rowKey: (row: Row) => string;
}) {
  const { t } = useTranslation();
  const headingId = `${id}-heading`;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid={`card-${id}`}
      miw={0}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
        {description === undefined ? null : <Text size="sm">{description}</Text>}
        {chart === undefined || rows.length === 0 ? null : (
          <div
            role="img"
            aria-labelledby={headingId}
            data-testid={`chart-${id}`}
            // A tooltip near the edge stays inside the card rather than widening a phone's page.
            style={{ minWidth: 0, overflow: 'hidden' }}
          >
            {/* The drawing's own parts (recharts marks some as images) are hidden: the table says it. */}
            <div aria-hidden="true">{chart}</div>
          </div>
        )}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('analytics.empty')}
          </Text>
        ) : (
          // A region of its own, reachable with the keyboard: a long or wide table scrolls inside it.
          <section
            aria-label={t('analytics.tableOf', { title })}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to scroll with the keyboard (WCAG 2.1.1)
            tabIndex={0}
            className="dashboard-table"
            style={{ overflow: 'auto', maxHeight: 320 }}
          >
            <Table striped withTableBorder miw={columns.length > 3 ? 520 : 240} data-testid={`table-${id}`}>
              <caption className="skip-link">{title}</caption>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column.header} scope="col" ta={column.numeric === true ? 'right' : 'left'}>
                      {column.header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={rowKey(row)}>
                    {columns.map((column, index) =>
                      index === 0 ? (
                        <Table.Th key={column.header} scope="row" fw={400}>
                          {column.cell(row)}
                        </Table.Th>
                      ) : (
                        <Table.Td
                          key={column.header}
                          ta={column.numeric === true ? 'right' : 'left'}
                          // Figures and durations stay on one line; the table scrolls sideways instead.
                          style={column.numeric === true ? { whiteSpace: 'nowrap' } : undefined}
                        >
                          {column.cell(row)}
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        )}
        <Anchor href={csvHref} download size="sm" w="fit-content">
          {t('analytics.csv', { table: title })}
        </Anchor>
      </Stack>
    </Paper>
  );
}
