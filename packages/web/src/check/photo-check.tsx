import { Alert, Button, FileInput, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, formBody, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { useSignedIn } from '../session/session-context';
import { VerdictBanner } from './verdict-banner';

const form = (file: File) => {
  const data = new FormData();
  data.append('file', file);
  return formBody(data);
};

/**
 * A photo, checked before it is posted: what its file gives away (where it was taken, whose phone)
 * and a safe copy to post instead. The photo goes to the server for the answer and is forgotten
 * there; the copy comes back to the phone as a download.
 */
export function PhotoCheck() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const establishmentId = useSignedIn().membership.establishmentId;
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({
    mutationFn: (photo: File) =>
      unwrap(
        client.POST('/api/establishments/{establishmentId}/checks/image', {
          params: { path: { establishmentId } },
          body: form(photo),
        }),
      ),
  });
  const copy = useMutation({
    mutationFn: async (photo: File) => {
      const blob = await unwrap(
        client.POST('/api/establishments/{establishmentId}/checks/image/safe-copy', {
          params: { path: { establishmentId } },
          body: form(photo),
          parseAs: 'blob',
        }),
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob as Blob);
      link.download =
        (blob as Blob).type === 'image/png'
          ? 'photo-sure.png'
          : (blob as Blob).type === 'image/webp'
            ? 'photo-sure.webp'
            : 'photo-sure.jpg';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    },
  });
  const result = check.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="photo-check-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="photo-check-heading">
          {t('check.photo.heading')}
        </Title>
        <Text size="sm">{t('check.photo.intro')}</Text>
        <FileInput
          label={t('check.photo.file')}
          accept="image/jpeg,image/png,image/webp,image/avif,image/heic"
          value={file}
          clearable
          clearButtonProps={{ 'aria-label': t('check.photo.clear') }}
          onChange={(chosen) => {
            setFile(chosen);
            copy.reset();
            if (chosen === null) check.reset();
            else check.mutate(chosen);
          }}
        />
        {check.isPending ? <Text size="sm">{t('check.checking')}</Text> : null}
        {check.isError ? (
          <Alert color="red.9" role="alert" title={t('check.failed')}>
            {message(check.error)}
          </Alert>
        ) : null}
        {result && file ? (
          <Stack gap="xs" data-testid="photo-result">
            <VerdictBanner verdict={result.verdict} hint={t(`check.photo.hint.${result.verdict}`)} />
            {result.findings.length === 0 ? (
              <Text size="sm">{t('check.photo.nothing')}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {result.findings.map((finding) => (
                  <List.Item key={finding.rule}>
                    <Text span fw={600}>
                      {finding.rule}
                    </Text>{' '}
                    — {finding.explanation}
                  </List.Item>
                ))}
              </List>
            )}
            {result.device.length > 0 ? (
              <Text size="sm" c="dimmed">
                {t('check.photo.device', { device: result.device.join(', ') })}
              </Text>
            ) : null}
            <Button
              variant="default"
              loading={copy.isPending}
              onClick={() => copy.mutate(file)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('check.photo.download')}
            </Button>
            {copy.isError ? (
              <Alert color="red.9" role="alert" title={t('check.failed')}>
                {message(copy.error)}
              </Alert>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
