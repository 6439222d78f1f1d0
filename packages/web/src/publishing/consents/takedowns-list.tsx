import { networkLabel } from '@blouse/contract';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../admin/error-alert';
import { client, unwrap } from '../../api/client';
import { useErrorMessage } from '../../api/error-messages';
import type { PublishingTakedown } from '../../api/types';
import { useSignedIn } from '../../session/session-context';

/**
 * Posts online with someone who withdrew their consent: the desk takes each down on its
 * network (Blouse does not delete on the network by itself), then marks it here.
 */
export function TakedownsList({ items }: { items: readonly PublishingTakedown[] }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const establishmentId = useSignedIn().membership.establishmentId;
  const resolve = useMutation({
    mutationFn: (takedownId: string) =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/publishing/takedowns/{takedownId}/resolve', {
          params: { path: { establishmentId, takedownId } },
        }),
      ),
    // Both the list and the consents' details show takedowns.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['publishing', establishmentId] }),
  });
  const open = items.filter((item) => item.resolvedAt === null);
  if (open.length === 0) return null;
  return (
    <Alert
      color="red.9"
      variant="outline"
      title={t('publishing.consents.takedowns.heading')}
      data-testid="takedowns"
    >
      <Stack gap="xs">
        <Text size="sm">{t('publishing.consents.takedowns.hint')}</Text>
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {open.map((item) => {
            const network = networkLabel(item.network);
            return (
              <Group component="li" key={item.id} justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" style={{ overflowWrap: 'anywhere', flex: '1 1 14rem' }}>
                  <Anchor component={Link} to={`/publier/${item.draftId}`}>
                    {t('publishing.consents.takedowns.item', {
                      title: item.draftTitle,
                      network,
                      person: item.personName,
                    })}
                  </Anchor>
                </Text>
                <Group gap="xs">
                  {item.url ? (
                    <Button
                      component="a"
                      href={item.url}
                      target="_blank"
                      rel="noreferrer"
                      size="xs"
                      variant="default"
                    >
                      {t('publishing.consents.takedowns.open')}
                    </Button>
                  ) : null}
                  <Button
                    size="xs"
                    color="red"
                    aria-label={t('publishing.consents.takedowns.resolveLabel', {
                      title: item.draftTitle,
                      network,
                    })}
                    loading={resolve.isPending && resolve.variables === item.id}
                    onClick={() => resolve.mutate(item.id)}
                  >
                    {t('publishing.consents.takedowns.resolve')}
                  </Button>
                </Group>
              </Group>
            );
          })}
        </Stack>
        {resolve.isError ? (
          <ErrorAlert title={t('errors.generic')}>{message(resolve.error)}</ErrorAlert>
        ) : null}
      </Stack>
    </Alert>
  );
}
