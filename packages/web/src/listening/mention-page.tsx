import { Anchor, Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../admin/error-alert';
import { client, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { formatDateTime } from '../format';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { formatHandle, formatReach } from './listening-format';
import { categoryColour, toned, useListeningWords, VERDICT_COLOURS } from './listening-words';
import { OpenIncidentButton } from './open-incident-button';

/** /veille/mentions/:id: the whole post, where it comes from, what the guard found, and the way to the desk. */
export function MentionPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('listening.mention.title'));
  const message = useErrorMessage();
  const words = useListeningWords();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const mentionId = useParams().mentionId ?? '';
  const query = useQuery({
    queryKey: ['listening', establishmentId, 'mention', mentionId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/listening/mentions/{mentionId}', {
          params: { path: { establishmentId, mentionId } },
          signal,
        }),
      ),
  });
  const mention = query.data;
  const handle = mention ? formatHandle(mention.authorHandle) : null;
  return (
    <Stack>
      <Anchor component={Link} to="/veille" size="sm">
        ← {t('listening.mention.back')}
      </Anchor>
      <Title order={1}>
        {t('listening.mention.title')}
        {mention ? ` — ${words.source(mention.source)}` : ''}
      </Title>
      {query.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {query.isError ? (
        <ErrorAlert title={t('listening.mention.notFound')}>{message(query.error)}</ErrorAlert>
      ) : null}
      {mention ? (
        <>
          <Group gap="xs" wrap="wrap">
            <Badge
              variant="light"
              color={categoryColour(mention.category)}
              styles={toned(categoryColour(mention.category))}
            >
              {words.category(mention.category)}
            </Badge>
            <Badge
              variant="outline"
              color={VERDICT_COLOURS[mention.verdict] ?? 'gray'}
              styles={toned(VERDICT_COLOURS[mention.verdict] ?? 'gray')}
            >
              {t('listening.filters.verdict')} : {words.verdict(mention.verdict)}
            </Badge>
          </Group>
          <Paper withBorder p="md" component="section" aria-labelledby="mention-facts">
            <Title order={2} size="h4" id="mention-facts">
              {t('listening.mention.facts')}
            </Title>
            <List spacing={4} size="sm" mt="xs" listStyleType="none" styles={{ root: { paddingLeft: 0 } }}>
              <List.Item>
                {t('listening.mention.author')} : {handle ?? t('listening.stream.unknownAuthor')}
              </List.Item>
              {mention.reach === null ? null : (
                <List.Item>
                  {t('listening.mention.reach')} : {formatReach(mention.reach, i18n.language)}
                </List.Item>
              )}
              <List.Item>
                {t('listening.mention.published')} :{' '}
                <time dateTime={mention.publishedAt}>
                  {formatDateTime(mention.publishedAt, i18n.language)}
                </time>
              </List.Item>
              {mention.matchedTerms.length === 0 ? null : (
                <List.Item>
                  {t('listening.stream.matched')} :{' '}
                  {mention.matchedTerms.map((term) => `« ${term} »`).join(', ')}
                </List.Item>
              )}
            </List>
          </Paper>
          <section aria-labelledby="mention-text">
            <Title order={2} size="h4" id="mention-text">
              {t('listening.mention.text')}
            </Title>
            <Text
              component="blockquote"
              mt="xs"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
            >
              {mention.text}
            </Text>
          </section>
          {mention.url === null ? (
            <Text size="sm" c="dimmed">
              {t('listening.mention.noLink')}
            </Text>
          ) : (
            <Anchor
              href={mention.url}
              target="_blank"
              rel="noopener noreferrer"
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
            >
              {t('listening.mention.original', { network: words.source(mention.source) })}
              <Text span size="xs" c="dimmed" display="block" fw={400}>
                {t('listening.mention.originalHint')}
              </Text>
            </Anchor>
          )}
          <section aria-labelledby="mention-findings">
            <Title order={2} size="h4" id="mention-findings">
              {t('listening.mention.findings')}
            </Title>
            {mention.findings.length === 0 ? (
              <Text size="sm" mt="xs">
                {t('listening.mention.noFindings')}
              </Text>
            ) : (
              <List mt="xs" spacing="xs" data-testid="mention-findings">
                {mention.findings.map((finding) => (
                  <List.Item key={`${finding.rule}-${finding.explanation}`}>
                    <Badge
                      variant="outline"
                      color={VERDICT_COLOURS[finding.severity] ?? 'gray'}
                      styles={toned(VERDICT_COLOURS[finding.severity] ?? 'gray')}
                      mr="xs"
                    >
                      {words.verdict(finding.severity)}
                    </Badge>
                    {finding.explanation}
                    {finding.raisedBy !== null && (
                      <Text span size="sm" c="dimmed" ml="xs" data-testid="raised-by">
                        · {finding.raisedBy === 'model' ? t('check.raisedByModel') : t('check.raisedByRule')}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </section>
          <OpenIncidentButton from={{ mentionId: mention.id }} incidentId={mention.incidentId} />
        </>
      ) : null}
    </Stack>
  );
}
