import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../api/types';
import { formatDateTime, labelOf } from '../format';
import { DecisionForm } from './decision-form';
import { DeskPanel } from './desk-panel';

/** The decisions taken so far, and the form to add some while the incident is open to them. */
export function DecisionsPanel({ incident }: { incident: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const mayDecide = incident.permittedActions.decide.length > 0;
  return (
    <DeskPanel id="desk-decisions" title={t('incidents.decisions')}>
      {incident.decisions.length === 0 ? (
        <Text c="dimmed">{t('incidents.noDecisions')}</Text>
      ) : (
        <List spacing="xs" mb="sm" data-testid="decisions-list">
          {incident.decisions.map((decision) => (
            <List.Item key={decision.id}>
              <Text size="sm">
                <strong>{labelOf(t, 'incidents.decisionKinds', decision.kind)}</strong> ·{' '}
                {formatDateTime(decision.at, i18n.language)}
                {decision.targetStaffName ? ` · ${t('desk.decisions.for')} ${decision.targetStaffName}` : ''}
                {decision.note ? ` — ${decision.note}` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {mayDecide ? (
        <DecisionForm incident={incident} />
      ) : (
        <Text size="sm" c="dimmed">
          {incident.status === 'new'
            ? t('desk.decisions.qualifyFirst')
            : incident.status === 'closed'
              ? t('desk.decisions.closed')
              : t('desk.decisions.cmCannot')}
        </Text>
      )}
    </DeskPanel>
  );
}
