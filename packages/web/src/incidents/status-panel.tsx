import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import type { IncidentDetail, IncidentStatus } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { useVocabulary } from '../vocabulary';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { incidentParams } from './incident-paths';
import { useIncidentChange } from './use-incident-change';

/**
 * The status and only the moves the server permits this person from it; the version sent is the one on
 * screen, so a change made meanwhile by someone else is refused (409) rather than overwritten.
 */
export function StatusPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const { membership } = useSignedIn();
  const change = useIncidentChange(incident, (to: IncidentStatus) =>
    unwrap(
      client.POST('/api/establishments/{establishmentId}/incidents/{incidentId}/transitions', {
        ...incidentParams(membership.establishmentId, incident.id),
        body: { to, version: incident.version },
      }),
    ),
  );
  // One way to qualify: the qualification panel (which confirms or corrects the proposal).
  const allowed = incident.permittedActions.changeStatus;
  const moves = allowed.filter((to) => !(incident.status === 'new' && to === 'qualified'));
  const qualifyHere = incident.status === 'new' && allowed.includes('qualified');

  return (
    <DeskPanel id="desk-status" title={t('desk.status.title')}>
      <Stack gap="sm">
        <Text data-testid="desk-status">
          {t('desk.status.current')} : <strong>{words.status(incident.status)}</strong>
        </Text>
        {qualifyHere ? (
          <Text size="sm">
            <a href="#desk-qualification">{t('desk.status.qualifyBelow')}</a>
          </Text>
        ) : null}
        {moves.length === 0 && !qualifyHere ? (
          <Text size="sm" c="dimmed">
            {t('desk.status.none')}
          </Text>
        ) : (
          <Group gap="sm" wrap="wrap">
            {moves.map((to) => (
              <Button
                key={to}
                variant={to === 'closed' ? 'default' : 'filled'}
                loading={change.isPending && change.variables === to}
                disabled={change.isPending}
                onClick={() => change.mutate(to)}
              >
                {t(`desk.moves.${incident.status}_${to}`, {
                  defaultValue: t('desk.moves.generic', { status: words.status(to) }),
                })}
              </Button>
            ))}
          </Group>
        )}
        {incident.status === 'qualified' && incident.decisions.length === 0 && moves.includes('decided') ? (
          <Text size="sm">{t('desk.status.needDecision')}</Text>
        ) : null}
        <ChangeError error={change.error} incidentId={incident.id} reset={change.reset} />
      </Stack>
    </DeskPanel>
  );
}
