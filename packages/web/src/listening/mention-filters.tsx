import { LISTENING_SOURCE_KINDS, MENTION_CATEGORIES, MENTION_VERDICTS } from '@blouse/contract';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activeFilterCount,
  DEFAULT_PERIOD,
  type MentionFilters,
  PERIODS,
  type Period,
} from './listening-filters';
import { useListeningWords } from './listening-words';

interface Props {
  value: MentionFilters;
  onChange: (next: MentionFilters) => void;
  /** The watch terms as written in the settings, offered as the term filter's choices. */
  terms: readonly string[];
}

/** The stream's filters: each choice applies at once, the search when submitted. */
export function MentionFiltersForm({ value, onChange, terms }: Props) {
  const { t } = useTranslation();
  const words = useListeningWords();
  const [draft, setDraft] = useState(value.q);
  const all = { value: '', label: t('listening.all') };
  const allFem = { value: '', label: t('listening.allFem') };
  // A term from a shared address that is no longer in the settings is still offered, as typed.
  const termChoices = value.term !== '' && !terms.includes(value.term) ? [...terms, value.term] : terms;
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
          label={t('listening.filters.search')}
          description={t('listening.filters.searchHint')}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          maxLength={200}
          style={{ flex: '1 1 16rem', minWidth: 0 }}
        />
        <Button type="submit" variant="default">
          {t('listening.filters.search')}
        </Button>
      </Group>
      <Group
        component="fieldset"
        gap="md"
        wrap="wrap"
        align="flex-end"
        style={{ border: 0, padding: 0, margin: 0 }}
      >
        <legend className="skip-link">{t('listening.filters.legend')}</legend>
        <NativeSelect
          label={t('listening.filters.period')}
          value={value.period}
          onChange={(event) => onChange({ ...value, period: event.currentTarget.value as Period })}
          data={PERIODS.map((period) => ({ value: period, label: t(`listening.filters.periods.${period}`) }))}
        />
        <NativeSelect
          label={t('listening.filters.source')}
          value={value.source}
          onChange={(event) => onChange({ ...value, source: event.currentTarget.value })}
          data={[
            allFem,
            ...LISTENING_SOURCE_KINDS.map((kind) => ({ value: kind, label: words.source(kind) })),
          ]}
        />
        <NativeSelect
          label={t('listening.filters.category')}
          value={value.category}
          onChange={(event) => onChange({ ...value, category: event.currentTarget.value })}
          data={[
            allFem,
            ...MENTION_CATEGORIES.map((category) => ({ value: category, label: words.category(category) })),
          ]}
        />
        <NativeSelect
          label={t('listening.filters.term')}
          value={value.term}
          onChange={(event) => onChange({ ...value, term: event.currentTarget.value })}
          data={[all, ...termChoices.map((term) => ({ value: term, label: term }))]}
        />
        <NativeSelect
          label={t('listening.filters.verdict')}
          value={value.verdict}
          onChange={(event) => onChange({ ...value, verdict: event.currentTarget.value })}
          data={[
            all,
            ...MENTION_VERDICTS.map((verdict) => ({ value: verdict, label: words.verdict(verdict) })),
          ]}
        />
        {activeFilterCount(value) > 0 ? (
          <Button
            variant="subtle"
            onClick={() => {
              setDraft('');
              onChange({ source: '', category: '', term: '', verdict: '', q: '', period: DEFAULT_PERIOD });
            }}
          >
            {t('listening.filters.clear')}
          </Button>
        ) : null}
      </Group>
    </>
  );
}
