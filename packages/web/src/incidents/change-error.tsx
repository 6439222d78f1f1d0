import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The server's French refusal, said where the action was; a 409 also says the page reloaded. */
export function ChangeError({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (error === null) return null;
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <Alert color="red" role="alert" title={conflict ? t('desk.conflict') : t('errors.generic')}>
      {error instanceof ApiError ? error.detail : String(error)}
      {conflict ? ` ${t('desk.reloaded')}` : ''}
    </Alert>
  );
}
