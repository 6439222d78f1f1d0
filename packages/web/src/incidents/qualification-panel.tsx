import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';
import { enumValue } from '../api/enum-value';
import type { IncidentDetail } from '../api/types';
import { INCIDENT_CATEGORIES as CATEGORY_VALUES, SEVERITIES } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { useVocabulary } from '../vocabulary';
import { ChangeError } from './change-error';
import { DeskPanel } from './desk-panel';
import { INCIDENT_CATEGORIES } from './desk-rules';
import { incidentParams } from './incident-paths';
import { useIncidentChange } from './use-incident-change';

/** A person confirms the guard's proposal or corrects it; a new incident becomes qualified. */
export function QualificationPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const { membership } = useSignedIn();
  const current = {
    severity: incident.severity ?? incident.proposedSeverity,
    category: incident.category ?? incident.proposedCategory,
  };
  const [severity, setSeverity] = useState<string>(current.severity);
  const [category, setCategory] = useState<string>(current.category);
  const change = useIncidentChange(incident, () =>
    unwrap(
      client.PATCH('/api/establishments/{establishmentId}/incidents/{incidentId}/qualification', {
        ...incidentParams(membership.establishmentId, incident.id),
        body: {
          severity: enumValue(SEVERITIES, severity),
          category: enumValue(CATEGORY_VALUES, category),
          version: incident.version,
        },
      }),
    ),
  );
  const confirmed = incident.severity !== null && incident.category !== null;
  const open = incident.permittedActions.qualify;

  return (
    <DeskPanel id="desk-qualification" title={t('desk.qualification.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate(undefined);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {confirmed ? t('desk.qualification.confirmed') : t('desk.qualification.proposed')}
          </Text>
          <Group gap="md" wrap="wrap" align="flex-start">
            <NativeSelect
              label={t('incidents.severity')}
              value={severity}
              disabled={!open}
              onChange={(event) => setSeverity(event.currentTarget.value)}
              description={words.severityDefinition(severity)}
              data={SEVERITIES.map((s) => ({ value: s, label: words.severity(s) }))}
            />
            <NativeSelect
              label={t('incidents.category')}
              value={category}
              disabled={!open}
              onChange={(event) => setCategory(event.currentTarget.value)}
              data={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`incidents.categories.${c}`) }))}
              style={{ minWidth: 0, maxWidth: '100%' }}
            />
          </Group>
          {open ? (
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {confirmed ? t('desk.qualification.save') : t('desk.qualification.confirm')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('desk.qualification.closed')}
            </Text>
          )}
          {change.isSuccess ? (
            <Text role="status" size="sm">
              {t('desk.qualification.done')}
            </Text>
          ) : null}
          <ChangeError error={change.error} incidentId={incident.id} reset={change.reset} />
        </Stack>
      </form>
    </DeskPanel>
  );
}
