import { Alert, Anchor, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSignedIn } from '../session/session-context';
import { useEstablishmentFromLink } from '../session/use-establishment-from-link';
import { canOpenListeningSettings, canReadListening } from './listening-roles';

/**
 * Every « Veille » page: its title, the sections the reader may open (no « Réglages » for those
 * who may neither change them nor import), and a plain sentence instead of the server's 403 for an agent.
 */
export function ListeningLayout() {
  const { t } = useTranslation();
  const { role } = useSignedIn();
  useEstablishmentFromLink();
  if (!canReadListening(role)) {
    return (
      <Stack>
        <Title order={1}>{t('listening.title')}</Title>
        <Alert color="blue" role="alert" title={t('listening.title')}>
          {t('listening.reserved')}
        </Alert>
      </Stack>
    );
  }
  const tabs = [
    { to: '/veille', label: t('listening.tabs.mentions'), end: true },
    { to: '/veille/alertes', label: t('listening.tabs.alerts'), end: false },
    ...(canOpenListeningSettings(role)
      ? [{ to: '/veille/reglages', label: t('listening.tabs.settings'), end: false }]
      : []),
  ];
  return (
    <Stack>
      <Group component="nav" aria-label={t('listening.tabs.label')} gap="lg" wrap="wrap">
        {tabs.map((tab) => (
          <Anchor
            key={tab.to}
            component={NavLink}
            to={tab.to}
            end={tab.end}
            fw={600}
            styles={{ root: { textUnderlineOffset: 4 } }}
            style={({ isActive }: { isActive: boolean }) => ({
              textDecoration: isActive ? 'underline' : 'none',
            })}
          >
            {tab.label}
          </Anchor>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
