import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useDocumentTitle } from '../layout/use-document-title';
import { useSignedIn } from '../session/session-context';
import { canManageTraining } from './training-roles';

/** Every « Formation » page: its title and its parts; « Suivi » for admin and communication only. */
export function TrainingLayout() {
  const { t } = useTranslation();
  const { role } = useSignedIn();
  useDocumentTitle(t('training.title'));
  const tabs = [
    { to: '/formation', label: t('training.tabs.charter'), end: true },
    { to: '/formation/questionnaire', label: t('training.tabs.quiz'), end: false },
    { to: '/formation/confidentialite', label: t('training.tabs.privacy'), end: false },
    ...(canManageTraining(role)
      ? [{ to: '/formation/suivi', label: t('training.tabs.follow'), end: false }]
      : []),
  ];
  return (
    <Stack>
      <Title order={1}>{t('training.title')}</Title>
      <Text>{t('training.intro')}</Text>
      <Group component="nav" aria-label={t('training.tabs.label')} gap="lg" wrap="wrap">
        {tabs.map((tab) => (
          <Anchor
            key={tab.to}
            component={NavLink}
            to={tab.to}
            end={tab.end}
            fw={600}
            styles={{ root: { textUnderlineOffset: 4 } }}
            style={({ isActive }: { isActive: boolean }) => ({
              textDecoration: isActive ? 'underline' : 'none',
            })}
          >
            {tab.label}
          </Anchor>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
