import { Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchSso, ssoKey } from '../admin/admin-api';
import { AdminPage } from '../admin/admin-page';
import { ErrorAlert } from '../admin/error-alert';
import { SsoForm } from '../admin/sso-form';
import { SsoState } from '../admin/sso-state';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useSignedIn } from '../session/session-context';

/** « /admin/sso »: the establishment's OpenID Connect provider. */
export function AdminSsoPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('admin.sso.title')} intro={t('admin.sso.intro')}>
      <SsoSection />
    </AdminPage>
  );
}

function SsoSection() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const query = useQuery({
    queryKey: ssoKey(establishmentId),
    // A 404 here only means « not configured yet »: an empty form, not an error.
    queryFn: async ({ signal }) => {
      try {
        return await fetchSso(establishmentId, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.isError) return <ErrorAlert title={t('errors.generic')}>{message(query.error)}</ErrorAlert>;
  return (
    <Stack>
      {query.data ? <SsoState establishmentId={establishmentId} settings={query.data} /> : null}
      <SsoForm
        key={`${establishmentId}-${query.data === null ? 'new' : 'set'}`}
        establishmentId={establishmentId}
        initial={query.data}
      />
    </Stack>
  );
}
