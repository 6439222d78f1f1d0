import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeskRole } from '../session/roles';
import { useSignedIn } from '../session/session-context';

/** The desk pages say plainly who they are for, rather than failing on the server's 403. */
export function DeskOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { role } = useSignedIn();
  if (!isDeskRole(role)) {
    return (
      <Alert color="blue" role="alert" title={t('incidents.title')}>
        {t('incidents.reserved')}
      </Alert>
    );
  }
  return <>{children}</>;
}
