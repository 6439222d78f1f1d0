import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchMembers, membersKey } from '../admin/admin-api';
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
  const query = useQuery({
    queryKey: membersKey(establishmentId),
    queryFn: ({ signal }) => fetchMembers(establishmentId, signal),
  });
  const members = [...(query.data ?? [])].sort((a, b) =>
    a.displayName.localeCompare(b.displayName, i18n.language),
  );
  const count = members.length;

  return (
    <Stack>
      <NewMemberForm establishmentId={establishmentId} />
      <Title order={2} size="h3">
        {t('admin.users.title')}
      </Title>
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? <ErrorAlert title={t('errors.generic')}>{message(query.error)}</ErrorAlert> : null}
      <Text role="status" size="sm">
        {removed !== null ? `${t('admin.users.removed', { name: removed })} ` : ''}
        {query.data
          ? t('admin.users.count', { count, formattedCount: formatNumber(count, i18n.language) })
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
    </Stack>
  );
}
