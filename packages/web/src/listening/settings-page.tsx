import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { canConfigureListening } from './listening-roles';
import { RoutesSection } from './routes-section';
import { SourcesSection } from './sources-section';
import { TermsSection } from './terms-section';

/**
 * /veille/reglages: watch terms, sources and alert routes. A reader who may not change them (a
 * community manager, the legal service) is told so kindly instead of meeting the server's 403.
 */
export function ListeningSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('listening.settings.title'));
  const { role } = useSignedIn();
  return (
    <Stack>
      <Title order={1}>{t('listening.settings.title')}</Title>
      {canConfigureListening(role) ? (
        <>
          <TermsSection />
          <SourcesSection />
          <RoutesSection />
        </>
      ) : (
        <Alert color="blue" role="alert" title={t('listening.settings.title')}>
          {t('listening.settings.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
