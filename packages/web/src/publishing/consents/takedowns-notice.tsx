import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client';
import { useSignedIn } from '../../session/session-context';
import { takedownsKey } from './consent-keys';

/** On the desk's front page: posts online that must come down since a consent was withdrawn. */
export function TakedownsNotice() {
  const { t } = useTranslation();
  const establishmentId = useSignedIn().membership.establishmentId;
  const takedowns = useQuery({
    queryKey: takedownsKey(establishmentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/takedowns', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  const count = takedowns.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      color="red.9"
      variant="outline"
      title={t('publishing.consents.takedowns.count', { count })}
      role="alert"
    >
      <Anchor component={Link} to="/publier/consentements">
        {t('publishing.consents.takedowns.show')}
      </Anchor>
    </Alert>
  );
}
