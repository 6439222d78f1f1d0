import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminSections } from '../admin/admin-sections';
import { ErrorAlert } from '../admin/error-alert';
import { useErrorMessage } from '../api/error-messages';
import type { AuditEntry } from '../api/types';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { AUDIT_ACTIONS, actionKey } from './audit-actions';
import { type AuditFilters, auditKey, fetchAudit } from './audit-api';

const NO_FILTERS: AuditFilters = { action: '', actor: '', from: '', to: '' };

/** « /admin/journal »: the establishment's audit trail, for admins and the legal service. */
export function AuditPage() {
  const { t } = useTranslation();
  const { role } = useSignedIn();
  useDocumentTitle(t('accounts.audit.title'));
  if (role !== 'admin' && role !== 'legal') {
    return (
      <Stack>
        <Title order={1}>{t('accounts.audit.title')}</Title>
        <Alert color="blue" role="alert" styles={{ title: { color: 'var(--mantine-color-blue-9)' } }}>
          {t('accounts.audit.reserved')}
        </Alert>
      </Stack>
    );
  }
  return <AuditTrail />;
}

function AuditTrail() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const { membership, role } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [form, setForm] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [actorName, setActorName] = useState<string | null>(null);
  const query = useInfiniteQuery({
    queryKey: auditKey(establishmentId, filters),
    queryFn: ({ pageParam, signal }) => fetchAudit(establishmentId, filters, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  function onFilter(event: FormEvent) {
    event.preventDefault();
    setFilters(form);
  }
  function byActor(entry: AuditEntry) {
    if (entry.actor === null) return;
    const next = { ...form, actor: entry.actor.id };
    setActorName(entry.actor.displayName ?? entry.actor.id);
    setForm(next);
    setFilters(next);
  }
  function clear() {
    setForm(NO_FILTERS);
    setFilters(NO_FILTERS);
    setActorName(null);
  }

  return (
    <Stack>
      {role === 'admin' ? <AdminSections /> : null}
      <Title order={1}>{t('accounts.audit.title')}</Title>
      <Text>{t('accounts.audit.intro')}</Text>
      <form onSubmit={onFilter} aria-label={t('accounts.audit.filters')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('accounts.audit.action')}
            value={form.action}
            onChange={(event) => setForm({ ...form, action: event.currentTarget.value })}
            data={[
              { value: '', label: t('accounts.audit.allActions') },
              ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(actionKey(action)) })),
            ]}
            style={{ flex: '1 1 14rem' }}
          />
          <TextInput
            type="date"
            label={t('accounts.audit.from')}
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.currentTarget.value })}
            style={{ flex: '1 1 9rem' }}
          />
          <TextInput
            type="date"
            label={t('accounts.audit.to')}
            value={form.to}
            onChange={(event) => setForm({ ...form, to: event.currentTarget.value })}
            style={{ flex: '1 1 9rem' }}
          />
          <Button type="submit">{t('accounts.audit.apply')}</Button>
          <Button variant="default" onClick={clear}>
            {t('accounts.audit.clear')}
          </Button>
        </Group>
      </form>
      {filters.actor !== '' ? (
        <Text size="sm">{t('accounts.audit.byActor', { name: actorName ?? filters.actor })}</Text>
      ) : null}
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? <ErrorAlert title={t('errors.generic')}>{message(query.error)}</ErrorAlert> : null}
      {query.data && entries.length === 0 ? <Text role="status">{t('accounts.audit.none')}</Text> : null}
      <Stack component="ol" gap="xs" p={0} m={0} aria-label={t('accounts.audit.title')}>
        {entries.map((entry) => (
          <Paper key={entry.seq} component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
            <Group justify="space-between" gap="xs" wrap="wrap" align="baseline">
              <Text fw={600}>
                {i18n.exists(actionKey(entry.action)) ? t(actionKey(entry.action)) : entry.action}
              </Text>
              <Text size="sm" c="dark.6">
                <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
              </Text>
            </Group>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('accounts.audit.by')}</Text>
              {entry.actor === null ? (
                <Text size="sm">{t('accounts.audit.system')}</Text>
              ) : (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => byActor(entry)}
                  aria-label={t('accounts.audit.filterActor', {
                    name: entry.actor.displayName ?? entry.actor.id,
                  })}
                >
                  {entry.actor.displayName ?? entry.actor.id}
                </Button>
              )}
            </Group>
            <Text size="xs" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
              {t('accounts.audit.target', {
                type: i18n.exists(`accounts.audit.targets.${entry.targetType}`)
                  ? t(`accounts.audit.targets.${entry.targetType}`)
                  : entry.targetType,
                id: entry.targetId ?? '—',
              })}
            </Text>
          </Paper>
        ))}
      </Stack>
      {query.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => query.fetchNextPage()}
          loading={query.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('accounts.audit.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
