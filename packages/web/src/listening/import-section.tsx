import { Button, Group, Input, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/error-alert';
import { client, formBody, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { megabytes, useFormLimits } from '../reports/use-form-limits';
import { useSignedIn } from '../session/session-context';
import { type ImportFormatChoice, importFormat, importSummary, shownRejections } from './import-summary';

const FORMATS: readonly ImportFormatChoice[] = ['auto', 'csv', 'json'];

/** A file refused before it is sent (too large, none chosen): said like the server's refusals. */
class LocalRefusal extends Error {}

/**
 * « Importer un export »: another listening tool's CSV or JSON export, sent as it is (multipart)
 * to the server, which keeps what names the establishment; then what became of every line.
 */
export function ImportSection() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  const limits = useFormLimits();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<ImportFormatChoice>('auto');
  const size = megabytes(limits.maxFileBytes, i18n.language);

  const send = useMutation({
    mutationFn: () => {
      const file = fileRef.current?.files?.[0];
      if (file === undefined) throw new LocalRefusal(t('listening.settings.import.chooseFile'));
      // The server's multipart limit would cut the upload short: say it before sending.
      if (file.size > limits.maxFileBytes) {
        throw new LocalRefusal(t('listening.settings.import.tooLarge', { name: file.name, size }));
      }
      const form = new FormData();
      // Fields before the file: the server reads the parts in order.
      const chosen = importFormat(format, file.name);
      if (chosen !== undefined) form.append('format', chosen);
      form.append('file', file);
      return unwrap(
        client.POST('/api/establishments/{establishmentId}/listening/import', {
          params: { path: { establishmentId } },
          body: formBody(form),
        }),
      );
    },
    // What was stored shows in the stream and its chart.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['listening', establishmentId] }),
  });
  const result = send.data;
  const rejections = result ? shownRejections(result.rejected) : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="import-heading">
          {t('listening.settings.import.heading')}
        </Title>
        <Text size="sm">{t('listening.settings.import.hint')}</Text>
        <Group
          component="form"
          gap="sm"
          wrap="wrap"
          align="flex-end"
          onSubmit={(event) => {
            event.preventDefault();
            send.mutate();
          }}
        >
          {/* A native file input: keyboard and screen readers work as is. */}
          <Input.Wrapper
            id={fileId}
            label={t('listening.settings.import.file')}
            description={t('listening.settings.import.fileHint', { size })}
            required
            style={{ flex: '1 1 16rem', minWidth: 0 }}
          >
            <input
              id={fileId}
              ref={fileRef}
              type="file"
              accept=".csv,.json,.jsonl,text/csv,application/json"
              required
              style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
            />
          </Input.Wrapper>
          <NativeSelect
            label={t('listening.settings.import.format')}
            value={format}
            onChange={(event) => setFormat(event.currentTarget.value as ImportFormatChoice)}
            data={FORMATS.map((value) => ({ value, label: t(`listening.settings.import.formats.${value}`) }))}
          />
          <Button type="submit" loading={send.isPending}>
            {t('listening.settings.import.submit')}
          </Button>
        </Group>
        {send.isError ? (
          <ErrorAlert title={t('listening.settings.import.refused')}>
            {send.error instanceof LocalRefusal ? send.error.message : message(send.error)}
          </ErrorAlert>
        ) : null}
        {result && rejections ? (
          <Stack gap="xs" data-testid="import-result">
            <Text role="status" fw={600}>
              {importSummary(result, i18n.language)}
            </Text>
            {rejections.shown.length > 0 ? (
              <>
                <Text size="sm">{t('listening.settings.import.rejectedHeading')}</Text>
                <List size="sm" spacing={4} data-testid="import-rejected">
                  {rejections.shown.map((row) => (
                    // Several refusals may share line 0 (refused after reading): the message tells them apart.
                    <List.Item key={`${row.line}:${row.message}`} style={{ overflowWrap: 'anywhere' }}>
                      {row.message}
                    </List.Item>
                  ))}
                </List>
                {rejections.more > 0 ? (
                  <Text size="sm">{t('listening.settings.import.more', { count: rejections.more })}</Text>
                ) : null}
              </>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
