import { Alert, Box, Button, FileInput, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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
  // The chosen photo, shown with the regions found on it; the address is the phone's own.
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (file === null) return setPreview(null);
    const address = URL.createObjectURL(file);
    setPreview(address);
    return () => URL.revokeObjectURL(address);
  }, [file]);
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
              <List type="ordered" size="sm" spacing={4}>
                {result.findings.map((finding, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; a photo may hold several faces under one rule
                  <List.Item key={index}>
                    <Text span fw={600}>
                      {finding.rule}
                    </Text>{' '}
                    — {finding.explanation}
                  </List.Item>
                ))}
              </List>
            )}
            {preview && result.findings.some((finding) => framed(finding.region, result)) ? (
              <RegionsOnPhoto src={preview} result={result} alt={t('check.photo.regionsAlt')} />
            ) : null}
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

type PhotoResult = { width: number; height: number; findings: { region: Region | null }[] };
type Region = { x: number; y: number; width: number; height: number };

/**
 * A region worth a frame: not the whole photo, which is what a finding about the photo as a whole
 * points at (its background could not be read in full); its words in the list say it.
 */
function framed(region: Region | null, photo: { width: number; height: number }): region is Region {
  if (region === null) return false;
  return !(region.x <= 0 && region.y <= 0 && region.width >= photo.width && region.height >= photo.height);
}

/**
 * The photo with a numbered frame on each region found (a face, a line of text), the numbers of
 * the list above. The frames are decoration for sighted users: the list says it all in words.
 */
function RegionsOnPhoto({ src, result, alt }: { src: string; result: PhotoResult; alt: string }) {
  const share = (value: number, total: number) => `${Math.max(0, Math.min(100, (value / total) * 100))}%`;
  return (
    <Box pos="relative" maw={640} data-testid="photo-regions">
      <img src={src} alt={alt} style={{ width: '100%', display: 'block', borderRadius: 4 }} />
      {result.findings.map((finding, index) =>
        framed(finding.region, result) ? (
          <Box
            // biome-ignore lint/suspicious/noArrayIndexKey: the finding's number in the list
            key={index}
            aria-hidden
            pos="absolute"
            style={{
              left: share(finding.region.x, result.width),
              top: share(finding.region.y, result.height),
              width: share(finding.region.width, result.width),
              height: share(finding.region.height, result.height),
              border: '3px solid #c92a2a',
              boxShadow: '0 0 0 1px #fff',
            }}
          >
            <Text
              span
              size="xs"
              fw={700}
              c="white"
              bg="#c92a2a"
              px={4}
              style={{ position: 'absolute', left: -3, top: -22, lineHeight: '19px' }}
            >
              {index + 1}
            </Text>
          </Box>
        ) : null,
      )}
    </Box>
  );
}
