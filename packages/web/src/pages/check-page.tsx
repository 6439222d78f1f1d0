import { Alert, Grid, Loader, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUARD_CONTEXTS, type GuardContext } from '../api/types';
import { FindingsList } from '../check/findings-list';
import { HighlightedText } from '../check/highlighted-text';
import { PhotoCheck } from '../check/photo-check';
import { SaferVersion } from '../check/safer-version';
import { useLiveCheck } from '../check/use-live-check';
import { VerdictBanner } from '../check/verdict-banner';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';

/** « Vérifier avant de publier »: the guard reads as you type; no button, no text stored. */
export function CheckPage() {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const [text, setText] = useState('');
  const [context, setContext] = useState<GuardContext>('institutional');
  const live = useLiveCheck(membership.establishmentId, text, context);
  useDocumentTitle(t('check.title'));

  const result = live.result;
  return (
    <Stack>
      <Title order={1}>{t('check.title')}</Title>
      <Text>{t('check.intro')}</Text>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <NativeSelect
              label={t('check.context')}
              value={context}
              onChange={(event) => setContext(event.currentTarget.value as GuardContext)}
              data={GUARD_CONTEXTS.map((value) => ({ value, label: t(`check.contexts.${value}`) }))}
            />
            <Textarea
              label={t('check.text')}
              description={t('check.textHint')}
              autosize
              minRows={8}
              maxRows={20}
              maxLength={20_000}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              rightSection={live.pending ? <Loader size="xs" aria-label={t('check.checking')} /> : null}
              rightSectionProps={{ style: { alignItems: 'flex-start', paddingTop: 8 } }}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            {live.error !== null ? (
              <Alert color="red" role="alert" title={t('check.failed')}>
                {live.error}
              </Alert>
            ) : null}
            {result !== null && text !== '' ? (
              <VerdictBanner
                verdict={result.report.verdict}
                noSaferVersion={'reason' in result.report.saferVersion}
              />
            ) : null}
            <HighlightedText
              text={text === '' ? '' : (result?.text ?? '')}
              findings={text === '' ? [] : (result?.report.findings ?? [])}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      {result !== null && text !== '' ? (
        <Stack>
          <FindingsList findings={result.report.findings} />
          {result.report.findings.length > 0 ? <SaferVersion version={result.report.saferVersion} /> : null}
        </Stack>
      ) : null}
      <PhotoCheck />
    </Stack>
  );
}
