import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/error-messages';
import { GUARD_LIST_KEYS, type GuardListKey, type GuardLists } from '../api/types';
import { formatNumber } from '../format';
import { listsKey, saveGuardLists } from './admin-api';
import { ErrorAlert } from './error-alert';

/** packages/server/src/accounts/guard-lists.ts bounds. */
const MAX_ENTRIES = 500;
const MAX_ENTRY_LENGTH = 200;

const toText = (entries: readonly string[]) => entries.join('\n');
/** One entry per line; blank lines and surrounding spaces dropped, each entry once. */
const toEntries = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  ),
];

/** The four lists as four text areas, each with what it changes for the check. */
export function GuardListsForm({
  establishmentId,
  initial,
}: {
  establishmentId: string;
  initial: GuardLists;
}) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState<Record<GuardListKey, string>>(() => ({
    names: toText(initial.names),
    services: toText(initial.services),
    consentingStaff: toText(initial.consentingStaff),
    publicFigures: toText(initial.publicFigures),
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  function problemOf(key: GuardListKey): string | null {
    const entries = toEntries(texts[key]);
    const list = t(`admin.lists.${key}`);
    if (entries.length > MAX_ENTRIES) return t('admin.lists.tooMany', { list });
    if (entries.some((entry) => entry.length > MAX_ENTRY_LENGTH)) return t('admin.lists.tooLong', { list });
    return null;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (GUARD_LIST_KEYS.some((key) => problemOf(key) !== null)) return;
    setBusy(true);
    setError(null);
    try {
      const lists = Object.fromEntries(
        GUARD_LIST_KEYS.map((key) => [key, toEntries(texts[key])]),
      ) as GuardLists;
      const stored = await saveGuardLists(establishmentId, lists);
      queryClient.setQueryData(listsKey(establishmentId), stored);
      setTexts({
        names: toText(stored.names),
        services: toText(stored.services),
        consentingStaff: toText(stored.consentingStaff),
        publicFigures: toText(stored.publicFigures),
      });
      setSaved(true);
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {GUARD_LIST_KEYS.map((key) => {
          const count = toEntries(texts[key]).length;
          return (
            <Textarea
              key={key}
              label={t(`admin.lists.${key}`)}
              description={`${t(`admin.lists.${key}Hint`)} (${t('admin.lists.entries', {
                count,
                formattedCount: formatNumber(count, i18n.language),
              })})`}
              autosize
              minRows={3}
              maxRows={12}
              value={texts[key]}
              error={problemOf(key)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTexts((current) => ({ ...current, [key]: value }));
                setSaved(false);
              }}
            />
          );
        })}
        {error !== null ? <ErrorAlert title={t('admin.users.failed')}>{error}</ErrorAlert> : null}
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('admin.lists.save')}
        </Button>
        <Text role="status">{saved ? t('admin.lists.saved') : ''}</Text>
      </Stack>
    </form>
  );
}
