import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useSignedIn } from '../session/session-context';
import { canOpenIncident } from './listening-roles';

interface Props {
  /** What the incident is opened from: one mention, or an alert and all its mentions. */
  from: { mentionId: string } | { alertId: string };
  /** The incident already opened from it, if any: then a link to it rather than a button. */
  incidentId: string | null;
}

/**
 * « Ouvrir un incident » in one click: the server seals the mentions as evidence and answers the
 * incident (the same one on a second click), and the desk's page opens on it.
 */
export function OpenIncidentButton({ from, incidentId }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { membership, role } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const open = useMutation({
    mutationFn: () =>
      'mentionId' in from
        ? unwrap(
            client.POST('/api/establishments/{establishmentId}/listening/mentions/{mentionId}/incident', {
              params: { path: { establishmentId, mentionId: from.mentionId } },
            }),
          )
        : unwrap(
            client.POST('/api/establishments/{establishmentId}/listening/alerts/{alertId}/incident', {
              params: { path: { establishmentId, alertId: from.alertId } },
            }),
          ),
    onSuccess: async (opened) => {
      await queryClient.invalidateQueries({ queryKey: ['listening', establishmentId] });
      void navigate(`/incidents/${encodeURIComponent(opened.incidentId)}`);
    },
  });
  if (incidentId !== null) {
    return (
      <Anchor component={Link} to={`/incidents/${encodeURIComponent(incidentId)}`} fw={600}>
        {t('listening.incident.see')}
      </Anchor>
    );
  }
  if (!canOpenIncident(role)) {
    return (
      <Text size="sm" c="dimmed">
        {t('listening.incident.notAllowed')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      <Button onClick={() => open.mutate()} loading={open.isPending}>
        {t('listening.incident.open')}
      </Button>
      {open.isError ? <ErrorAlert title={t('errors.generic')}>{message(open.error)}</ErrorAlert> : null}
    </Stack>
  );
}
