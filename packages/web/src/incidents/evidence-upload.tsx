import { Button, Input, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, formBody, unwrap } from '../api/client';
import type { EvidenceKind } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { ChangeError } from './change-error';
import { incidentParams } from './incident-paths';

/** A file is any kind but « text », which is typed in, not uploaded. */
const FILE_KINDS = ['screenshot', 'page', 'document', 'other'] as const satisfies readonly EvidenceKind[];

/** Seals a file (multipart) or a captured text (JSON); the server computes the fingerprint. */
export function EvidenceUpload({ incidentId, onAdded }: { incidentId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { membership } = useSignedIn();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [kind, setKind] = useState<string>('screenshot');
  const [content, setContent] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const params = incidentParams(membership.establishmentId, incidentId);

  const add = useMutation({
    mutationFn: () => {
      const source = sourceUrl.trim();
      if (mode === 'text') {
        return unwrap(
          client.POST('/api/establishments/{establishmentId}/incidents/{incidentId}/evidence', {
            ...params,
            body: { kind: 'text', content, ...(source === '' ? {} : { source_url: source }) },
          }),
        );
      }
      const file = fileRef.current?.files?.[0];
      if (file === undefined) throw new Error(t('desk.evidence.chooseFile'));
      const form = new FormData();
      // Fields before the file: the server reads the parts in order.
      form.append('kind', kind);
      if (source !== '') form.append('source_url', source);
      form.append('file', file);
      return unwrap(
        client.POST('/api/establishments/{establishmentId}/incidents/{incidentId}/evidence', {
          ...params,
          body: formBody(form),
        }),
      );
    },
    onSuccess: () => {
      setContent('');
      setSourceUrl('');
      if (fileRef.current) fileRef.current.value = '';
      onAdded();
    },
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('desk.evidence.addWhat')}
          value={mode}
          onChange={(value) => setMode(value === 'file' ? 'file' : 'text')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="text" label={t('desk.evidence.modeText')} />
            <Radio value="file" label={t('desk.evidence.modeFile')} />
          </Stack>
        </Radio.Group>
        {mode === 'text' ? (
          <Textarea
            label={t('desk.evidence.content')}
            description={t('desk.evidence.contentHint')}
            value={content}
            onChange={(event) => setContent(event.currentTarget.value)}
            autosize
            minRows={3}
            required
          />
        ) : (
          <>
            <NativeSelect
              label={t('desk.evidence.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value)}
              data={FILE_KINDS.map((k) => ({ value: k, label: t(`desk.evidence.kinds.${k}`) }))}
            />
            {/* A native file input: keyboard, screen readers and phone cameras work as is. */}
            <Input.Wrapper id={fileId} label={t('desk.evidence.file')} required>
              <input
                id={fileId}
                ref={fileRef}
                type="file"
                required
                style={{ display: 'block', marginTop: 4 }}
              />
            </Input.Wrapper>
          </>
        )}
        <TextInput
          type="url"
          inputMode="url"
          label={t('desk.evidence.sourceUrl')}
          description={t('desk.evidence.sourceUrlHint')}
          value={sourceUrl}
          onChange={(event) => setSourceUrl(event.currentTarget.value)}
        />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('desk.evidence.add')}
        </Button>
        {add.isSuccess ? (
          <span role="status" style={{ fontSize: 14 }}>
            {t('desk.evidence.added', { sha: add.data.sha256 })}
          </span>
        ) : null}
        <ChangeError error={add.error} incidentId={incidentId} />
      </Stack>
    </form>
  );
}
