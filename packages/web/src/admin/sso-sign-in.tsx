import { Button, Divider, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../api/client';

/**
 * On the login page, below the password form: sign in through the establishment's directory.
 * Lives with the administration because the admin configures it (/admin/sso). Hidden when no
 * establishment offers it, or when the list cannot be read (the password form still works).
 */
export function SsoSignIn() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['sso-establishments'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/sso/establishments', { signal })),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = query.data ?? [];
  if (list.length === 0) return null;
  const establishmentId = chosen ?? list[0]?.establishmentId ?? '';

  return (
    <Stack component="section" aria-labelledby="sso-sign-in-title" mt="lg">
      <Divider />
      <Title order={2} size="h4" id="sso-sign-in-title">
        {t('ssoLogin.title')}
      </Title>
      <Text size="sm">{t('ssoLogin.intro')}</Text>
      <NativeSelect
        label={t('ssoLogin.establishment')}
        value={establishmentId}
        onChange={(event) => setChosen(event.currentTarget.value)}
        data={list.map((item) => ({ value: item.establishmentId, label: item.name }))}
      />
      {/* A plain link: the server redirects to the provider, which is a full page navigation. */}
      <Button component="a" variant="outline" href={`/api/sso/${encodeURIComponent(establishmentId)}/start`}>
        {t('ssoLogin.start')}
      </Button>
    </Stack>
  );
}
