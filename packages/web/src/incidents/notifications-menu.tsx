import { Badge, Button, Menu, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { client, unwrap } from '../api/client';
import { formatDateTime } from '../format';
import { isDeskRole } from '../session/roles';
import { useSession } from '../session/session-context';

/**
 * The header's notifications (mentions in the desk's comments), with the unread count as a
 * badge. Only for desk roles, the only ones who can be mentioned; refreshed every minute.
 */
export function NotificationsMenu() {
  const { t, i18n } = useTranslation();
  const { membership, role } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const establishmentId = membership?.establishmentId ?? '';
  const params = { params: { path: { establishmentId } } };
  const enabled = establishmentId !== '' && isDeskRole(role);
  const query = useQuery({
    queryKey: ['notifications', establishmentId],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/establishments/{establishmentId}/notifications', { ...params, signal })),
    enabled,
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/notifications/read', { ...params, body: {} }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications', establishmentId] }),
  });
  if (!enabled) return null;
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];
  return (
    <Menu position="bottom-end" width={320} withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          data-testid="notifications-button"
          aria-label={`${t('deskCase.notifications.label')} — ${t('deskCase.notifications.unread', { count: unread })}`}
          rightSection={
            unread > 0 ? (
              <Badge color="red" size="sm" circle data-testid="notifications-badge">
                {unread}
              </Badge>
            ) : null
          }
        >
          {t('deskCase.notifications.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.length === 0 ? (
          <Text size="sm" p="xs" c="dimmed">
            {t('deskCase.notifications.empty')}
          </Text>
        ) : (
          items.map((item) => (
            <Menu.Item
              key={item.id}
              onClick={() => navigate(`/incidents/${encodeURIComponent(item.incidentId)}`)}
            >
              <Text size="sm" fw={item.readAt === null ? 700 : 400}>
                {t('deskCase.notifications.mention', {
                  who: item.actorName ?? '—',
                  reference: item.reference,
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(item.createdAt, i18n.language)}
              </Text>
            </Menu.Item>
          ))
        )}
        {unread > 0 ? (
          <>
            <Menu.Divider />
            <Menu.Item onClick={() => markRead.mutate()}>{t('deskCase.notifications.markRead')}</Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
