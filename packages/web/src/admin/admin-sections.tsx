import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The three administration pages, as links (aria-current marks the open one). */
export function AdminSections() {
  const { t } = useTranslation();
  const links = [
    { to: '/admin/utilisateurs', label: t('admin.usersTab') },
    { to: '/admin/listes', label: t('admin.listsTab') },
    { to: '/admin/sso', label: t('admin.ssoTab') },
    { to: '/admin/journal', label: t('accounts.audit.nav') },
  ];
  return (
    <Group component="nav" aria-label={t('admin.sections')} gap="md" wrap="wrap">
      {links.map((link) => (
        <Anchor
          key={link.to}
          component={NavLink}
          to={link.to}
          fw={500}
          styles={{ root: { textUnderlineOffset: 4 } }}
          style={({ isActive }: { isActive: boolean }) => ({
            textDecoration: isActive ? 'underline' : 'none',
          })}
        >
          {link.label}
        </Anchor>
      ))}
    </Group>
  );
}
