import { Box, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PauseBanner } from '../publishing/pause-banner';
import { AppHeader } from './app-header';

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t('app.skip')}
      </a>
      <AppHeader />
      <PauseBanner />
      <Box component="main" id="contenu" tabIndex={-1} py="lg">
        <Container size="lg">
          <Outlet />
        </Container>
      </Box>
    </>
  );
}
