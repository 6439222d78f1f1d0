import { networkLabel, PUBLISHING_NETWORKS } from '@blouse/contract';
import {
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../admin/error-alert';
import { client, formBody, unwrap } from '../../api/client';
import { useErrorMessage } from '../../api/error-messages';
import { useSignedIn } from '../../session/session-context';
import { consentsKey } from './consent-keys';

const KINDS = ['staff', 'patient', 'visitor'] as const;
const USES = ['name', 'image', 'voice'] as const;

/** Records a consent with its signed form (multipart: the fields first, then the file). */
export function ConsentForm() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const establishmentId = useSignedIn().membership.establishmentId;
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('staff');
  const [uses, setUses] = useState<string[]>(['name', 'image']);
  const [networks, setNetworks] = useState<string[]>([]);
  const [purpose, setPurpose] = useState('');
  const [signatory, setSignatory] = useState('');
  const [givenOn, setGivenOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState(false);
  const record = useMutation({
    mutationFn: () => {
      if (uses.length === 0) throw new Error(t('publishing.consents.form.chooseUse'));
      if (file === null) throw new Error(t('publishing.consents.form.chooseFile'));
      const form = new FormData();
      form.append('person_name', name);
      form.append('person_kind', kind);
      form.append('uses', uses.join(','));
      form.append('networks', networks.join(','));
      form.append('purpose', purpose);
      if (signatory.trim() !== '') form.append('signatory', signatory);
      form.append('given_on', givenOn);
      form.append('expires_on', expiresOn);
      form.append('form', file);
      return unwrap(
        client.POST('/api/establishments/{establishmentId}/publishing/consents', {
          params: { path: { establishmentId } },
          body: formBody(form),
        }),
      );
    },
    onSuccess: async () => {
      setName('');
      setPurpose('');
      setSignatory('');
      setFile(null);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: consentsKey(establishmentId) });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-form-heading">
      <Stack
        component="form"
        gap="sm"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          record.mutate();
        }}
      >
        <Title order={2} size="h3" id="consent-form-heading">
          {t('publishing.consents.form.heading')}
        </Title>
        <TextInput
          label={t('publishing.consents.form.name')}
          value={name}
          required
          maxLength={200}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Radio.Group label={t('publishing.consents.form.kind')} value={kind} onChange={setKind}>
          <Group gap="md" mt={4}>
            {KINDS.map((value) => (
              <Radio key={value} value={value} label={t(`publishing.consents.kind.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox.Group label={t('publishing.consents.form.uses')} value={uses} onChange={setUses}>
          <Group gap="md" mt={4}>
            {USES.map((value) => (
              <Checkbox key={value} value={value} label={t(`publishing.consents.use.${value}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('publishing.consents.form.networks')}
          value={networks}
          onChange={setNetworks}
        >
          <Group gap="md" mt={4}>
            {PUBLISHING_NETWORKS.map((value) => (
              <Checkbox key={value} value={value} label={networkLabel(value)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={t('publishing.consents.form.purpose')}
          value={purpose}
          required
          maxLength={1000}
          autosize
          minRows={2}
          onChange={(event) => setPurpose(event.currentTarget.value)}
        />
        <TextInput
          label={t('publishing.consents.form.signatory')}
          value={signatory}
          maxLength={200}
          onChange={(event) => setSignatory(event.currentTarget.value)}
        />
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            type="date"
            label={t('publishing.consents.form.givenOn')}
            value={givenOn}
            required
            onChange={(event) => setGivenOn(event.currentTarget.value)}
            style={{ flex: '1 1 10rem' }}
          />
          <TextInput
            type="date"
            label={t('publishing.consents.form.expiresOn')}
            value={expiresOn}
            required
            min={givenOn || undefined}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            style={{ flex: '1 1 10rem' }}
          />
        </Group>
        <FileInput
          label={t('publishing.consents.form.file')}
          accept="application/pdf,image/png,image/jpeg,image/webp"
          value={file}
          onChange={setFile}
          required
          clearable
          clearButtonProps={{ 'aria-label': t('publishing.consents.form.clearFile') }}
        />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('publishing.consents.form.submit')}
          </Button>
        </Group>
        {saved ? (
          <Text size="sm" role="status">
            {t('publishing.consents.form.saved')}
          </Text>
        ) : null}
        {record.isError ? <ErrorAlert title={t('errors.generic')}>{message(record.error)}</ErrorAlert> : null}
      </Stack>
    </Paper>
  );
}
