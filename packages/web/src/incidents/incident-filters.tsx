import { Checkbox, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, SEVERITIES } from '../api/types';
import { INCIDENT_CATEGORIES } from './desk-rules';

export interface Filters {
  status: string;
  severity: string;
  category: string;
  /** Only the incidents the signed-in person owns. */
  mine: boolean;
  /** Only those with a deadline passed and not met. */
  overdue: boolean;
}

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

/** « Tous » is the empty value, left out of the request; the two boxes narrow the list further. */
export function IncidentFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const all = { value: '', label: t('incidents.all') };
  return (
    <Group
      component="fieldset"
      gap="md"
      wrap="wrap"
      align="flex-end"
      style={{ border: 0, padding: 0, margin: 0 }}
    >
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
      <NativeSelect
        label={t('incidents.category')}
        value={value.category}
        onChange={(event) => onChange({ ...value, category: event.currentTarget.value })}
        data={[
          { value: '', label: t('desk.filters.allCategories') },
          ...INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`incidents.categories.${c}`) })),
        ]}
        style={{ maxWidth: '100%' }}
      />
      <Checkbox
        label={t('desk.filters.mine')}
        checked={value.mine}
        onChange={(event) => onChange({ ...value, mine: event.currentTarget.checked })}
        mb={8}
      />
      <Checkbox
        label={t('desk.filters.overdue')}
        checked={value.overdue}
        onChange={(event) => onChange({ ...value, overdue: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
