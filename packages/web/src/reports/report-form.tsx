import { Alert, Button, Checkbox, Input, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, client, formBody, unwrap } from '../api/client';
import { useErrorMessage } from '../api/error-messages';
import { type FiledReport, NETWORKS } from '../api/types';
import { useVocabulary } from '../vocabulary';
import { fieldErrorMessages } from './field-errors';
import { megabytes, useFormLimits } from './use-form-limits';

interface Props {
  establishmentId: string;
  onFiled: (filed: FiledReport, anonymous: boolean) => void;
}

/** Today in local time as YYYY-MM-DD, the latest publication date the date picker offers. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The report form, sent as multipart (the screenshots travel with it). Field names are the
 * server's (report-form.ts), and its French field errors are shown under the matching input.
 * The link is optional (a private group, a story, a paper): then the server asks for a
 * description and a screenshot. The screenshots' limits are stated beside the file input.
 */
export function ReportForm({ establishmentId, onFiled }: Props) {
  const { t, i18n } = useTranslation();
  const words = useVocabulary();
  const fileId = useId();
  const errorMessage = useErrorMessage();
  const limits = useFormLimits();
  const size = megabytes(limits.maxFileBytes, i18n.language);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const anonymous = form.get('anonymous') === 'on';
    form.set('anonymous', anonymous ? 'true' : 'false');
    // An empty file input still sends one empty part: drop it rather than upload nothing.
    const files = form.getAll('screenshots').filter((file) => file instanceof File && file.size > 0);
    form.delete('screenshots');
    if (files.length > limits.maxScreenshots) {
      setError(null);
      setFieldErrors({ screenshots: t('report.tooManyScreenshots', { max: limits.maxScreenshots }) });
      return;
    }
    const tooLarge = files.find((file) => file instanceof File && file.size > limits.maxFileBytes);
    if (tooLarge instanceof File) {
      setError(null);
      setFieldErrors({ screenshots: t('reporting.fileTooLarge', { name: tooLarge.name, size }) });
      return;
    }
    for (const file of files) form.append('screenshots', file);
    if (form.get('first_published_at') === '') form.delete('first_published_at');

    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const filed = await unwrap(
        client.POST('/api/establishments/{establishmentId}/reports', {
          params: { path: { establishmentId } },
          body: formBody(form),
        }),
      );
      onFiled(filed, anonymous);
    } catch (caught) {
      if (caught instanceof ApiError) {
        const perField = fieldErrorMessages(caught, t, i18n.language, {
          min: limits.minDescriptionWithoutLink,
        });
        setFieldErrors(perField);
        // The sentences sit under their fields; the banner only says that something must be fixed.
        setError(Object.keys(perField).length > 0 ? t('reporting.fixFields') : errorMessage(caught));
      } else {
        setError(t('errors.generic'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={640}>
        {error !== null ? (
          <Alert color="red" role="alert" title={t('report.failed')}>
            {error}
          </Alert>
        ) : null}
        <TextInput
          name="url"
          type="url"
          inputMode="url"
          label={t('reporting.urlOptional')}
          description={t('reporting.urlOptionalHint', { min: limits.minDescriptionWithoutLink })}
          maxLength={2048}
          error={fieldErrors.url}
        />
        <NativeSelect
          name="network"
          label={t('report.network')}
          required
          defaultValue=""
          error={fieldErrors.network}
          data={[
            { value: '', label: t('report.networkPlaceholder'), disabled: true },
            ...NETWORKS.map((value) => ({ value, label: words.network(value) })),
          ]}
        />
        <Textarea
          name="excerpt"
          label={t('report.excerpt')}
          description={t('report.excerptHint')}
          autosize
          minRows={3}
          maxLength={5000}
          error={fieldErrors.excerpt}
        />
        <TextInput
          name="seen_where"
          label={t('report.seenWhere')}
          description={t('report.seenWhereHint')}
          maxLength={500}
          error={fieldErrors.seen_where}
        />
        <Textarea
          name="note"
          label={t('report.note')}
          description={t('report.noteHint')}
          autosize
          minRows={2}
          maxLength={2000}
          error={fieldErrors.note}
        />
        <TextInput
          name="first_published_at"
          type="date"
          label={t('report.publishedAt')}
          description={t('report.publishedAtHint')}
          max={today()}
          error={fieldErrors.first_published_at}
        />
        {/* A native file input: it works with the keyboard, screen readers and phone cameras as is. */}
        <Input.Wrapper
          id={fileId}
          label={t('report.screenshots')}
          description={t('reporting.screenshotsLimits', { max: limits.maxScreenshots, size })}
          error={fieldErrors.screenshots}
        >
          <input
            id={fileId}
            name="screenshots"
            type="file"
            multiple
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={`${fileId}-description`}
            aria-invalid={fieldErrors.screenshots !== undefined}
            style={{ display: 'block', marginTop: 4 }}
          />
        </Input.Wrapper>
        <Checkbox name="anonymous" label={t('report.anonymous')} description={t('report.anonymousHint')} />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('report.submit')}
        </Button>
      </Stack>
    </form>
  );
}
