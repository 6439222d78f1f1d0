import { Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatNumber } from '../format';
import { useSignedIn } from '../session/session-context';
import { ratesKey } from './training-keys';

interface Group {
  readonly kind: 'service' | 'unassigned' | 'others' | 'total';
  readonly service: string | null;
  readonly members: number;
  readonly acknowledged: number | null;
  readonly quizTaken: number | null;
  readonly averageScore: number | null;
  readonly suppressed: boolean;
}

/** The acknowledgement and quiz rates per service, as the server groups them (never under 3). */
export function RatesTable() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const rates = useQuery({
    queryKey: ratesKey(establishmentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/training/rates', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
  });
  const language = i18n.language;
  const rate = (count: number | null, group: Group) =>
    count === null
      ? t('training.rates.hidden')
      : t('training.rates.rate', {
          count: formatNumber(count, language),
          percent: formatNumber(Math.round((100 * count) / Math.max(group.members, 1)), language),
        });
  const row = (group: Group, key: string, total = false) => (
    <Table.Tr key={key} fw={total ? 700 : undefined}>
      <Table.Th scope="row" fw={total ? 700 : 500}>
        {groupName(t, group)}
        {group.suppressed ? (
          <Text span size="xs" c="dark.4" display="block">
            {t('training.rates.hiddenHint')}
          </Text>
        ) : null}
      </Table.Th>
      <Table.Td>{formatNumber(group.members, language)}</Table.Td>
      <Table.Td>{rate(group.acknowledged, group)}</Table.Td>
      <Table.Td>{rate(group.quizTaken, group)}</Table.Td>
      <Table.Td>
        {group.averageScore === null ? '—' : `${formatNumber(group.averageScore, language)} %`}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rates-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="rates-heading">
          {t('training.rates.heading')}
        </Title>
        <Text size="sm">{t('training.rates.intro')}</Text>
        {rates.isPending ? <Loader aria-label={t('app.loading')} /> : null}
        {rates.isError ? <ErrorAlert title={t('errors.generic')}>{message(rates.error)}</ErrorAlert> : null}
        {rates.data ? (
          <>
            {/* A wide screen reads a table; a phone, one card per group (five columns do not fit). */}
            <Table striped data-testid="training-rates" visibleFrom="sm">
              <Table.Caption>
                {t('training.rates.caption', { version: rates.data.charterVersion })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('training.rates.service')}</Table.Th>
                  <Table.Th scope="col">{t('training.rates.members')}</Table.Th>
                  <Table.Th scope="col">{t('training.rates.acknowledged')}</Table.Th>
                  <Table.Th scope="col">{t('training.rates.quizTaken')}</Table.Th>
                  <Table.Th scope="col">{t('training.rates.average')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rates.data.groups.map((group, index) =>
                  row(group, `${group.kind}-${group.service ?? index}`),
                )}
                {row(rates.data.total, 'total', true)}
              </Table.Tbody>
            </Table>
            <Stack gap="xs" hiddenFrom="sm" data-testid="training-rates-cards">
              <Text size="sm" c="dark.4">
                {t('training.rates.caption', { version: rates.data.charterVersion })}
              </Text>
              {[...rates.data.groups, rates.data.total].map((group, index) => (
                <Paper withBorder p="xs" key={`${group.kind}-${group.service ?? index}`} component="dl" m={0}>
                  <Text component="dt" fw={700} style={{ overflowWrap: 'anywhere' }}>
                    {groupName(t, group)}
                  </Text>
                  {(
                    [
                      ['members', formatNumber(group.members, language)],
                      ['acknowledged', rate(group.acknowledged, group)],
                      ['quizTaken', rate(group.quizTaken, group)],
                      [
                        'average',
                        group.averageScore === null ? '—' : `${formatNumber(group.averageScore, language)} %`,
                      ],
                    ] as const
                  ).map(([key, value]) => (
                    <Text component="dd" size="sm" m={0} key={key}>
                      {t(`training.rates.${key}`)} : {value}
                    </Text>
                  ))}
                  {group.suppressed ? (
                    <Text component="dd" size="xs" c="dark.4" m={0}>
                      {t('training.rates.hiddenHint')}
                    </Text>
                  ) : null}
                </Paper>
              ))}
            </Stack>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function groupName(t: TFunction, group: Group): string {
  if (group.kind === 'service') return group.service ?? '';
  if (group.kind === 'unassigned') return t('training.rates.unassigned');
  if (group.kind === 'total') return t('training.rates.total');
  return t('training.rates.others');
}
