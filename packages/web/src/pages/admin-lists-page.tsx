import { Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchGuardLists, listsKey } from '../admin/admin-api';
import { AdminPage } from '../admin/admin-page';
import { ErrorAlert } from '../admin/error-alert';
import { GuardListsForm } from '../admin/guard-lists-form';
import { useErrorMessage } from '../api/error-messages';
import { useSignedIn } from '../session/session-context';

/** « /admin/listes »: the establishment's lists the check relies on. */
export function AdminListsPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('admin.lists.title')} intro={t('admin.lists.intro')}>
      <ListsSection />
    </AdminPage>
  );
}

function ListsSection() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const query = useQuery({
    queryKey: listsKey(establishmentId),
    queryFn: ({ signal }) => fetchGuardLists(establishmentId, signal),
    // The form keeps its own copy while editing: a refetch must not overwrite what is typed.
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.isError) return <ErrorAlert title={t('errors.generic')}>{message(query.error)}</ErrorAlert>;
  return <GuardListsForm key={establishmentId} establishmentId={establishmentId} initial={query.data} />;
}
