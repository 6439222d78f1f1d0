import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import type { IncidentDetail } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { incidentParams } from './incident-paths';
import { useIncidentChange } from './use-incident-change';

/** An ISO instant as the value of a datetime-local field, in the browser's own time zone. */
function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

const toIso = (local: string): string | null => (local === '' ? null : new Date(local).toISOString());

/**
 * The two dates that start legal clocks: the first publication (3-month press-law prescription)
 * and when a data breach became known (72 h to notify the CNIL). Neither may be in the future.
 */
export function DatesPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const [published, setPublished] = useState(toLocalInput(incident.firstPublishedAt));
  const [aware, setAware] = useState(toLocalInput(incident.breachAwareAt));
  const change = useIncidentChange(incident, () =>
    unwrap(
      client.PATCH('/api/establishments/{establishmentId}/incidents/{incidentId}/dates', {
        ...incidentParams(membership.establishmentId, incident.id),
        body: { firstPublishedAt: toIso(published), breachAwareAt: toIso(aware), version: incident.version },
      }),
    ),
  );
  const now = toLocalInput(new Date().toISOString());
  return (
    <DeskPanel id="desk-dates" title={t('desk.dates.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate(undefined);
        }}
      >
        <Stack gap="sm">
          <TextInput
            type="datetime-local"
            label={t('desk.dates.firstPublished')}
            description={t('desk.dates.firstPublishedHint')}
            value={published}
            max={now}
            onChange={(event) => setPublished(event.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('desk.dates.breachAware')}
            description={t('desk.dates.breachAwareHint')}
            value={aware}
            max={now}
            onChange={(event) => setAware(event.currentTarget.value)}
          />
          <Button
            type="submit"
            variant="default"
            loading={change.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('desk.dates.save')}
          </Button>
          {change.isSuccess ? (
            <Text role="status" size="sm">
              {t('desk.dates.done')}
            </Text>
          ) : null}
          <ChangeError error={change.error} incidentId={incident.id} reset={change.reset} />
        </Stack>
      </form>
    </DeskPanel>
  );
}
