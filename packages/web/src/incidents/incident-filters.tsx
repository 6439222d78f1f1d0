import { Button, Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, type IncidentListSort, SEVERITIES } from '../api/types';
import { useVocabulary } from '../vocabulary';
import { INCIDENT_CATEGORIES } from './desk-rules';

/** The orders offered (the server also takes « created », an older name of « newest »). */
export const LIST_SORTS = [
  'deadline',
  'newest',
  'oldest',
  'severity',
] as const satisfies readonly IncidentListSort[];
export type ListSort = (typeof LIST_SORTS)[number];

export interface Filters {
  status: string;
  severity: string;
  category: string;
  /** Only the incidents the signed-in person owns. */
  mine: boolean;
  /** Only those with a deadline passed and not met. */
  overdue: boolean;
  /** Free text over reference, title, excerpt and category. */
  q: string;
  sort: ListSort;
}

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

/**
 * « Tous » is the empty value, left out of the request; the two boxes narrow the list further.
 * The search runs when submitted (Enter or the button), not at each keystroke.
 */
export function IncidentFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const words = useVocabulary();
  const [draft, setDraft] = useState(value.q);
  const all = { value: '', label: t('incidents.all') };
  return (
    <>
      <Group
        component="form"
        role="search"
        gap="sm"
        wrap="wrap"
        align="flex-end"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ ...value, q: draft.trim() });
        }}
      >
        <TextInput
          type="search"
          name="q"
          label={t('desk.list.search')}
          description={t('desk.list.searchHint')}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          maxLength={200}
          style={{ flex: '1 1 16rem', minWidth: 0 }}
        />
        <Button type="submit" variant="default">
          {t('desk.list.search')}
        </Button>
      </Group>
      <Group
        component="fieldset"
        gap="md"
        wrap="wrap"
        align="flex-end"
        style={{ border: 0, padding: 0, margin: 0 }}
      >
        <legend className="skip-link">{t('incidents.filters')}</legend>
        <NativeSelect
          label={t('desk.list.sort')}
          value={value.sort}
          onChange={(event) => onChange({ ...value, sort: event.currentTarget.value as ListSort })}
          data={LIST_SORTS.map((s) => ({ value: s, label: t(`desk.list.sorts.${s}`) }))}
        />
        <NativeSelect
          label={t('incidents.status')}
          value={value.status}
          onChange={(event) => onChange({ ...value, status: event.currentTarget.value })}
          data={[all, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: words.status(s) }))]}
        />
        <NativeSelect
          label={t('incidents.severity')}
          value={value.severity}
          onChange={(event) => onChange({ ...value, severity: event.currentTarget.value })}
          data={[all, ...SEVERITIES.map((s) => ({ value: s, label: words.severity(s) }))]}
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
    </>
  );
}
