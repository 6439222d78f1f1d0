import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useReloadIncident } from './use-incident-change';

/**
 * The server's French refusal, said where the action was. On a 409 (someone else changed the
 * incident) the form keeps the person's input and this offers « Recharger »: the fresh version
 * replaces the form, and `reset` clears the refusal.
 */
export function ChangeError({
  error,
  incidentId,
  reset,
}: {
  error: Error | null;
  incidentId: string;
  reset?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const reload = useReloadIncident(incidentId);
  const [reloading, setReloading] = useState(false);
  if (error === null) return null;
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <Alert color="red" role="alert" title={conflict ? t('desk.conflict') : t('errors.generic')}>
      <Stack gap="xs">
        <Text size="sm">{error instanceof ApiError ? error.detail : String(error)}</Text>
        {conflict ? (
          <>
            <Text size="sm">{t('deskCase.conflictKept')}</Text>
            <Button
              size="xs"
              variant="white"
              color="red"
              loading={reloading}
              style={{ alignSelf: 'flex-start' }}
              onClick={async () => {
                setReloading(true);
                try {
                  await reload();
                  reset?.();
                } finally {
                  setReloading(false);
                }
              }}
            >
              {t('deskCase.reload')}
            </Button>
          </>
        ) : null}
      </Stack>
    </Alert>
  );
}
