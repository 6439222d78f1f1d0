import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { AdminSections } from './admin-sections';

/**
 * The frame of every administration page: its title, the sections, and for anyone but an admin
 * a plain sentence instead of the server's 403 (the server refuses them anyway).
 */
export function AdminPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { role } = useSignedIn();
  useDocumentTitle(title);
  if (role !== 'admin') {
    return (
      <Stack>
        <Title order={1}>{t('admin.title')}</Title>
        <Alert
          color="blue"
          role="alert"
          title={t('admin.title')}
          // Mantine's light blue title is just under 4.5:1 on its tinted background.
          styles={{ title: { color: 'var(--mantine-color-blue-9)' } }}
        >
          {t('admin.reserved')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      <AdminSections />
      <Title order={1}>{title}</Title>
      <Text>{intro}</Text>
      {children}
    </Stack>
  );
}
