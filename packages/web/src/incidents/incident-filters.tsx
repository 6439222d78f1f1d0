import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, SEVERITIES } from '../api/types';

export interface Filters {
  status: string;
  severity: string;
}

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

/** Status and severity; « Tous » is the empty value, left out of the request. */
export function IncidentFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const all = { value: '', label: t('incidents.all') };
  return (
    <Group component="fieldset" gap="md" wrap="wrap" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="skip-link">{t('incidents.filters')}</legend>
      <NativeSelect
        label={t('incidents.status')}
        value={value.status}
        onChange={(event) => onChange({ ...value, status: event.currentTarget.value })}
        data={[all, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
      />
      <NativeSelect
        label={t('incidents.severity')}
        value={value.severity}
        onChange={(event) => onChange({ ...value, severity: event.currentTarget.value })}
        data={[all, ...SEVERITIES.map((s) => ({ value: s, label: t(`incidents.severities.${s}`) }))]}
      />
    </Group>
  );
}
