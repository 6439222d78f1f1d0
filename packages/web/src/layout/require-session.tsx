import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PasswordChangePage } from '../session/password-change-page';
import { useSession } from '../session/session-context';

/** Signed-out visitors go to « Connexion », and come back where they were afterwards. */
export function RequireSession() {
  const { session, membership } = useSession();
  const location = useLocation();
  const { t } = useTranslation();

  if (session === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (session === null) {
    return <Navigate to="/connexion" replace state={{ from: location.pathname + location.search }} />;
  }
  if (session.mustChangePassword) return <PasswordChangePage />;
  if (membership === null) {
    return (
      <Alert color="orange" role="alert">
        {t('login.noEstablishment')}
      </Alert>
    );
  }
  return <Outlet />;
}
