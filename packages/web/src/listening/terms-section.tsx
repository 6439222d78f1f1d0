import { WATCH_TERM_KINDS } from '@blouse/contract';
import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useSignedIn } from '../session/session-context';
import { fieldError } from './field-error';
import { DARK_RED, toned, useListeningWords } from './listening-words';

type TermKind = (typeof WATCH_TERM_KINDS)[number];

/** Watch terms: what listening looks for (and, for an exclusion, what it sets aside). */
export function TermsSection() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const words = useListeningWords();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const key = ['listening', establishmentId, 'terms'];
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<TermKind>('name');
  const terms = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/terms', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/listening/terms', {
          params: { path: { establishmentId } },
          body: { term: term.trim(), kind },
        }),
      ),
    onSuccess: async () => {
      setTerm('');
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (termId: string) =>
      unwrap(
        client.DELETE('/api/establishments/{establishmentId}/listening/terms/{termId}', {
          params: { path: { establishmentId, termId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const items = terms.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="terms-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="terms-heading">
          {t('listening.settings.terms.heading')}
        </Title>
        <Text size="sm">{t('listening.settings.terms.hint')}</Text>
        {terms.isError ? <ErrorAlert title={t('errors.generic')}>{message(terms.error)}</ErrorAlert> : null}
        {terms.data && items.length === 0 ? (
          <Text c="dimmed">{t('listening.settings.terms.empty')}</Text>
        ) : null}
        <Stack
          component="ul"
          gap={6}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-testid="watch-terms"
        >
          {items.map((item) => (
            <Group component="li" key={item.id} gap="xs" wrap="wrap" justify="space-between">
              <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.term}
                </Text>
                <Badge variant="light" color="gray.8" styles={toned('gray.8')}>
                  {words.termKind(item.kind)}
                </Badge>
              </Group>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                style={DARK_RED}
                aria-label={t('listening.settings.removeLabel', { name: item.term })}
                loading={remove.isPending && remove.variables === item.id}
                onClick={() => remove.mutate(item.id)}
              >
                {t('listening.settings.remove')}
              </Button>
            </Group>
          ))}
        </Stack>
        {remove.isError ? <ErrorAlert title={t('errors.generic')}>{message(remove.error)}</ErrorAlert> : null}
        <Group
          component="form"
          gap="sm"
          wrap="wrap"
          align="flex-start"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <TextInput
            label={t('listening.settings.terms.term')}
            value={term}
            onChange={(event) => setTerm(event.currentTarget.value)}
            required
            maxLength={200}
            error={fieldError(add.error, 'term')}
            style={{ flex: '1 1 14rem', minWidth: 0 }}
          />
          <NativeSelect
            label={t('listening.settings.terms.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as TermKind)}
            data={WATCH_TERM_KINDS.map((value) => ({ value, label: words.termKind(value) }))}
          />
          <Button type="submit" loading={add.isPending} mt={{ base: 0, xs: 25 }}>
            {t('listening.settings.terms.add')}
          </Button>
        </Group>
        {add.isError ? <ErrorAlert title={t('errors.generic')}>{message(add.error)}</ErrorAlert> : null}
        {add.isSuccess ? (
          <Text size="sm" role="status">
            {t('listening.settings.terms.added', { term: add.data.term })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
