import { Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiledReport } from '../api/types';
import { useDocumentTitle } from '../layout/use-document-title';
import { ReportForm } from '../reports/report-form';
import { ReportReceived } from '../reports/report-received';
import { useSignedIn } from '../session/session-context';

/** « Signaler un message »: the form, then its acknowledgement in place of it. */
export function ReportPage() {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const queryClient = useQueryClient();
  const [filed, setFiled] = useState<{ report: FiledReport; anonymous: boolean } | null>(null);
  useDocumentTitle(t('report.title'));

  return (
    <Stack>
      <Title order={1}>{t('report.title')}</Title>
      {filed === null ? (
        <>
          <Text maw={640}>{t('report.intro')}</Text>
          <ReportForm
            establishmentId={membership.establishmentId}
            onFiled={(report, anonymous) => {
              setFiled({ report, anonymous });
              void queryClient.invalidateQueries({ queryKey: ['my-reports'] });
            }}
          />
        </>
      ) : (
        <ReportReceived filed={filed.report} anonymous={filed.anonymous} onAnother={() => setFiled(null)} />
      )}
    </Stack>
  );
}
