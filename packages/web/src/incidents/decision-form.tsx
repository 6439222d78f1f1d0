import { Button, Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import type { IncidentDetail, IncidentState } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { DECISION_KINDS, type DecisionKind } from './desk-rules';
import { incidentParams } from './incident-paths';
import { useIncidentChange } from './use-incident-change';

/**
 * The playbook's options can be combined: each ticked one is recorded in turn, each with the
 * version the previous one returned. Options the server would refuse are shown but disabled,
 * with the reason, so people learn why PHAROS is not for a defamation.
 */
export function DecisionForm({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const [kinds, setKinds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [staffName, setStaffName] = useState('');
  const needsStaff = kinds.includes('protection_fonctionnelle');

  const change = useIncidentChange(incident, async (chosen: DecisionKind[]) => {
    let version = incident.version;
    let state: IncidentState | undefined;
    for (const kind of chosen) {
      state = await unwrap(
        client.POST('/api/establishments/{establishmentId}/incidents/{incidentId}/decisions', {
          ...incidentParams(membership.establishmentId, incident.id),
          body: {
            kind,
            version,
            ...(note.trim() === '' ? {} : { note: note.trim() }),
            ...(kind === 'protection_fonctionnelle' ? { targetStaffName: staffName.trim() } : {}),
          },
        }),
      );
      version = state.version;
    }
    if (state === undefined) throw new Error(t('desk.decisions.pickOne'));
    return state;
  });

  // The server says which kinds this person may record now; PHAROS alone missing among the
  // legal decisions means the category is not PHAROS's business, not the person's role.
  const permitted = new Set(incident.permittedActions.decide);
  function refusal(kind: DecisionKind): string | undefined {
    if (permitted.has(kind)) return undefined;
    if (kind === 'pharos' && permitted.has('complaint')) return t('desk.decisions.pharosOut');
    return t('desk.decisions.notYourRole');
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate(kinds as DecisionKind[], {
          onSuccess: () => {
            setKinds([]);
            setNote('');
            setStaffName('');
          },
        });
      }}
    >
      <Stack gap="sm">
        <Checkbox.Group label={t('desk.decisions.choose')} value={kinds} onChange={setKinds}>
          <Stack gap="xs" mt="xs">
            {DECISION_KINDS.map((kind) => {
              const why = refusal(kind);
              return (
                <Checkbox
                  key={kind}
                  value={kind}
                  label={t(`incidents.decisionKinds.${kind}`)}
                  description={why}
                  disabled={why !== undefined}
                />
              );
            })}
          </Stack>
        </Checkbox.Group>
        {needsStaff ? (
          <TextInput
            label={t('desk.decisions.staffName')}
            description={t('desk.decisions.staffNameHint')}
            value={staffName}
            onChange={(event) => setStaffName(event.currentTarget.value)}
            required
            maxLength={200}
          />
        ) : null}
        <Textarea
          label={t('desk.decisions.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Button
          type="submit"
          loading={change.isPending}
          disabled={kinds.length === 0}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('desk.decisions.submit')}
        </Button>
        {change.isSuccess ? (
          <span role="status" style={{ fontSize: 14 }}>
            {t('desk.decisions.done')}
          </span>
        ) : null}
        <ChangeError error={change.error} incidentId={incident.id} reset={change.reset} />
      </Stack>
    </form>
  );
}
