import { Alert, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';
import { usePause } from './pause-query';

/** On every page while « Tout suspendre » holds: nothing the establishment scheduled goes out. */
export function PauseBanner() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const pause = usePause(membership?.establishmentId ?? null);
  if (pause.data?.paused !== true) return null;
  return (
    <Container size="lg" pt="sm">
      <Alert
        color="red.9"
        variant="outline"
        role="status"
        title={t('publishing.pause.bannerTitle')}
        data-testid="pause-banner"
      >
        {pause.data.reason
          ? t('publishing.pause.bannerReason', { reason: pause.data.reason })
          : t('publishing.pause.banner')}
      </Alert>
    </Container>
  );
}
