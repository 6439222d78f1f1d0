import { Anchor, Box, Button, Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NotificationsMenu } from '../incidents/notifications-menu';
import { useSession } from '../session/session-context';
import { AccountMenu } from './account-menu';
import { EstablishmentSelect } from './establishment-select';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';

/** App name, what the role may open, the establishment, the language, who is signed in, signing out. */
export function AppHeader() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();

  async function onSignOut() {
    try {
      await signOut();
    } finally {
      navigate('/connexion', { replace: true });
    }
  }

  return (
    <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size="lg">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Anchor component={Link} to="/" fw={700} fz="xl" c="blue.9" underline="never">
            {t('app.name')}
          </Anchor>
          {session ? <MainNav /> : null}
          <Group gap="sm" wrap="wrap">
            {session ? <EstablishmentSelect /> : null}
            {session ? <NotificationsMenu /> : null}
            <LanguageSwitch />
            {session ? <AccountMenu /> : null}
            {session ? (
              <Button variant="default" onClick={onSignOut}>
                {t('nav.signOut')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
