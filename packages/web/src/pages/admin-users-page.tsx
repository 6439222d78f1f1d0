import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchMembers, MEMBERS_PAGE, membersKey } from '../admin/admin-api';
import { AdminPage } from '../admin/admin-page';
import { ErrorAlert } from '../admin/error-alert';
import { MemberCard } from '../admin/member-card';
import { NewMemberForm } from '../admin/new-member-form';
import { useErrorMessage } from '../api/error-messages';
import { formatNumber } from '../format';
import { useSignedIn } from '../session/session-context';

/** « /admin/utilisateurs »: who has access, with which role; invite, change, remove. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('admin.users.title')} intro={t('admin.users.intro')}>
      <UsersSection />
    </AdminPage>
  );
}

function UsersSection() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const { membership, session } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const [removed, setRemoved] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: [...membersKey(establishmentId), search, offset],
    queryFn: ({ signal }) => fetchMembers(establishmentId, search, offset, signal),
    placeholderData: keepPreviousData,
  });
  const members = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

  function onSearch(event: FormEvent) {
    event.preventDefault();
    setSearch(typed.trim());
    setOffset(0);
  }

  return (
    <Stack>
      <NewMemberForm establishmentId={establishmentId} />
      <Title order={2} size="h3">
        {t('admin.users.title')}
      </Title>
      <search>
        <form onSubmit={onSearch}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('accounts.users.search')}
              description={t('accounts.users.searchHint')}
              value={typed}
              maxLength={120}
              onChange={(event) => setTyped(event.currentTarget.value)}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" variant="outline">
              {t('accounts.users.searchButton')}
            </Button>
          </Group>
        </form>
      </search>
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? <ErrorAlert title={t('errors.generic')}>{message(query.error)}</ErrorAlert> : null}
      <Text role="status" size="sm">
        {removed !== null ? `${t('admin.users.removed', { name: removed })} ` : ''}
        {query.data
          ? search === ''
            ? t('admin.users.count', { count: total, formattedCount: formatNumber(total, i18n.language) })
            : t('accounts.users.found', {
                count: total,
                formattedCount: formatNumber(total, i18n.language),
                search,
              })
          : ''}
      </Text>
      {query.data ? (
        <Stack component="ul" gap="sm" p={0} m={0}>
          {members.map((member) => (
            <MemberCard
              key={member.id}
              member={member}
              establishmentId={establishmentId}
              isSelf={member.id === session.user.id}
              onRemoved={setRemoved}
            />
          ))}
        </Stack>
      ) : null}
      {total > MEMBERS_PAGE ? (
        <Group component="nav" aria-label={t('accounts.users.pages')} gap="sm" wrap="wrap">
          <Button
            variant="default"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - MEMBERS_PAGE))}
          >
            {t('accounts.users.previous')}
          </Button>
          <Text size="sm">
            {t('accounts.users.range', {
              from: offset + 1,
              to: Math.min(offset + MEMBERS_PAGE, total),
              total,
            })}
          </Text>
          <Button
            variant="default"
            disabled={offset + MEMBERS_PAGE >= total}
            onClick={() => setOffset(offset + MEMBERS_PAGE)}
          >
            {t('accounts.users.next')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
