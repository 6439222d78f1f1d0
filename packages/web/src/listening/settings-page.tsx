import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { ImportSection } from './import-section';
import { canConfigureListening, canImportMentions } from './listening-roles';
import { RoutesSection } from './routes-section';
import { SourcesSection } from './sources-section';
import { TermsSection } from './terms-section';

/** Mantine's blue title on its light blue measures 4.39:1, under WCAG AA's 4.5:1: darkened. */
const DARK_TITLE = { title: { color: 'var(--mantine-color-blue-9)' } };

/**
 * /veille/reglages: watch terms, sources, alert routes, and the import of another tool's export.
 * A community manager may only import: told so, with the import. The legal service, which only
 * reads, is told so kindly instead of meeting the server's 403.
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
      ) : canImportMentions(role) ? (
        <Alert color="blue" title={t('listening.settings.title')} styles={DARK_TITLE}>
          {t('listening.settings.importOnly')}
        </Alert>
      ) : (
        <Alert color="blue" role="alert" title={t('listening.settings.title')} styles={DARK_TITLE}>
          {t('listening.settings.forbidden')}
        </Alert>
      )}
      {canImportMentions(role) ? <ImportSection /> : null}
    </Stack>
  );
}
