import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import type { IncidentDetail } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { incidentParams } from './incident-paths';
import { useDeskMembers } from './use-desk-members';
import { useIncidentChange } from './use-incident-change';

/** The owner: take it yourself, hand it to any member of the desk, or release it. */
export function OwnerPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const { membership, session } = useSignedIn();
  const members = useDeskMembers();
  const [chosen, setChosen] = useState('');
  const change = useIncidentChange(incident, (ownerId: string | null) =>
    unwrap(
      client.PUT('/api/establishments/{establishmentId}/incidents/{incidentId}/owner', {
        ...incidentParams(membership.establishmentId, incident.id),
        body: { ownerId, version: incident.version },
      }),
    ),
  );
  const mine = incident.ownerId === session.user.id;
  const may = incident.permittedActions.assign;
  const others = (members.data ?? []).filter((member) => member.id !== incident.ownerId);
  return (
    <DeskPanel id="desk-owner" title={t('incidents.owner')}>
      <Stack gap="sm">
        <Text data-testid="desk-owner">
          {incident.ownerName ?? t('incidents.noOwner')}
          {mine ? ` (${t('desk.owner.you')})` : ''}
        </Text>
        {may ? (
          <>
            <Group gap="sm" wrap="wrap">
              {mine ? null : (
                <Button
                  loading={change.isPending && change.variables === session.user.id}
                  onClick={() => change.mutate(session.user.id)}
                >
                  {t('desk.owner.assignMe')}
                </Button>
              )}
              {incident.ownerId === null ? null : (
                <Button variant="default" disabled={change.isPending} onClick={() => change.mutate(null)}>
                  {t('desk.owner.release')}
                </Button>
              )}
            </Group>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (chosen !== '') change.mutate(chosen, { onSuccess: () => setChosen('') });
              }}
            >
              <Group gap="sm" align="flex-end" wrap="wrap">
                <NativeSelect
                  label={t('deskCase.owner.pick')}
                  value={chosen}
                  onChange={(event) => setChosen(event.currentTarget.value)}
                  data={[
                    { value: '', label: t('deskCase.owner.pickPlaceholder') },
                    ...others.map((member) => ({ value: member.id, label: member.displayName })),
                  ]}
                  style={{ minWidth: 0, flex: '1 1 12rem' }}
                />
                <Button type="submit" variant="default" disabled={chosen === '' || change.isPending}>
                  {t('deskCase.owner.assign')}
                </Button>
              </Group>
            </form>
          </>
        ) : null}
        <ChangeError error={change.error} incidentId={incident.id} reset={change.reset} />
      </Stack>
    </DeskPanel>
  );
}
