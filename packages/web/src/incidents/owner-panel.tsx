import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import type { IncidentDetail } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { incidentParams } from './incident-paths';
import { useIncidentChange } from './use-incident-change';

/**
 * The list of desk members is an admin route, so a member takes the incident for themselves;
 * the owner's name comes with the incident.
 */
export function OwnerPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const { membership, session } = useSignedIn();
  const change = useIncidentChange(incident, (ownerId: string | null) =>
    unwrap(
      client.PUT('/api/establishments/{establishmentId}/incidents/{incidentId}/owner', {
        ...incidentParams(membership.establishmentId, incident.id),
        body: { ownerId, version: incident.version },
      }),
    ),
  );
  const mine = incident.ownerId === session.user.id;
  return (
    <DeskPanel id="desk-owner" title={t('incidents.owner')}>
      <Stack gap="sm">
        <Text data-testid="desk-owner">
          {incident.ownerName ?? t('incidents.noOwner')}
          {mine ? ` (${t('desk.owner.you')})` : ''}
        </Text>
        <Group gap="sm" wrap="wrap">
          {mine ? null : (
            <Button loading={change.isPending} onClick={() => change.mutate(session.user.id)}>
              {t('desk.owner.assignMe')}
            </Button>
          )}
          {incident.ownerId === null ? null : (
            <Button variant="default" disabled={change.isPending} onClick={() => change.mutate(null)}>
              {t('desk.owner.release')}
            </Button>
          )}
        </Group>
        <ChangeError error={change.error} />
      </Stack>
    </DeskPanel>
  );
}
