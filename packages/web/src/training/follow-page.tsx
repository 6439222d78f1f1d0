import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session/session-context';
import { PublishForm } from './publish-form';
import { RatesTable } from './rates-table';
import { canManageTraining } from './training-roles';

/** /formation/suivi: the rates per service and a new version of the charter (admin, communication). */
export function FollowPage() {
  const { t } = useTranslation();
  const { role } = useSignedIn();
  if (!canManageTraining(role))
    return (
      <Alert color="blue" role="alert" title={t('training.tabs.follow')}>
        {t('training.follow.reserved')}
      </Alert>
    );
  return (
    <Stack gap="lg">
      <RatesTable />
      <PublishForm />
    </Stack>
  );
}
