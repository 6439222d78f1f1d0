import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, client, unwrap } from '../api/client';
import { useSignedIn } from '../session/session-context';
import { DeskPanel } from './desk-panel';
import { EvidenceItem } from './evidence-item';
import { EvidenceUpload } from './evidence-upload';
import { incidentKeys, incidentParams, incidentPath } from './incident-paths';

/** The sealed evidence: list (an audited read), add, and the verifiable zip for lawyers. */
/** `mayExport`: the server's permittedActions.exportEvidence for this person. */
export function EvidencePanel({ incidentId, mayExport }: { incidentId: string; mayExport: boolean }) {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const queryClient = useQueryClient();
  const establishmentId = membership.establishmentId;
  const query = useQuery({
    queryKey: incidentKeys.evidence(establishmentId, incidentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/incidents/{incidentId}/evidence', {
          ...incidentParams(establishmentId, incidentId),
          signal,
        }),
      ),
    staleTime: 60_000,
  });
  const items = query.data?.items ?? [];

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: incidentKeys.evidence(establishmentId, incidentId) });
    void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(establishmentId, incidentId) });
  }

  return (
    <DeskPanel id="desk-evidence" title={t('desk.evidence.title')}>
      <Stack gap="sm">
        {query.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
        {query.isError ? (
          <Alert color="red" role="alert" title={t('errors.generic')}>
            {query.error instanceof ApiError ? query.error.detail : String(query.error)}
          </Alert>
        ) : null}
        {query.data && items.length === 0 ? <Text c="dimmed">{t('desk.evidence.empty')}</Text> : null}
        {items.length > 0 ? (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((evidence) => (
              <EvidenceItem key={evidence.id} evidence={evidence} />
            ))}
          </Stack>
        ) : null}
        {mayExport && items.length > 0 ? (
          <Button
            component="a"
            href={incidentPath(establishmentId, incidentId, '/evidence/export')}
            download
            variant="default"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('desk.evidence.export')}
          </Button>
        ) : null}
        <EvidenceUpload incidentId={incidentId} onAdded={refresh} />
      </Stack>
    </DeskPanel>
  );
}
