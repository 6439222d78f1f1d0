import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IncidentSummary } from '../api/types';
import { labelOf } from '../format';
import { StatusBadge } from '../reports/status-badge';
import { DeadlineBadge } from './deadline-badge';
import { nearestDeadline } from './nearest-deadline';
import { SeverityBadge } from './severity-badge';

/** The desk's list from 48em (cards below); the reference is the link: one tab stop a row. */
export function IncidentsTable({ items }: { items: readonly IncidentSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760} className="desk-table">
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="incidents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('incidents.reference')}</Table.Th>
            <Table.Th scope="col">{t('incidents.incidentTitle')}</Table.Th>
            <Table.Th scope="col">{t('incidents.severity')}</Table.Th>
            <Table.Th scope="col">{t('incidents.status')}</Table.Th>
            <Table.Th scope="col">{t('incidents.category')}</Table.Th>
            <Table.Th scope="col">{t('incidents.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((incident) => {
            const deadline = nearestDeadline(incident);
            return (
              <Table.Tr key={incident.id} data-overdue={incident.overdue}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/incidents/${encodeURIComponent(incident.id)}`}
                    fw={600}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {incident.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{incident.title}</Table.Td>
                <Table.Td>
                  <SeverityBadge
                    severity={incident.severity ?? incident.proposedSeverity}
                    proposed={incident.severity === null}
                  />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={incident.status} />
                </Table.Td>
                <Table.Td>
                  {labelOf(t, 'incidents.categories', incident.category ?? incident.proposedCategory)}
                </Table.Td>
                <Table.Td>
                  {deadline === null ? (
                    <Text c="dimmed">{t('incidents.noDeadline')}</Text>
                  ) : (
                    <DeadlineBadge deadline={deadline} />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
