import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { canReadDashboard } from '../analytics/dashboard-roles';
import { canReadListening } from '../listening/listening-roles';
import { canUsePublishing } from '../publishing/publishing-roles';
import { isDeskRole } from '../session/roles';
import { useSession } from '../session/session-context';

/** Links by role: only the desk sees « Incidents » (the server refuses it to others anyway). */
export function MainNav() {
  const { t } = useTranslation();
  const { role } = useSession();
  const links = [
    { to: '/verifier', label: t('nav.check') },
    { to: '/signaler', label: t('nav.report') },
    { to: '/mes-signalements', label: t('nav.myReports') },
    // Every role: the charter, the quiz and the privacy reminders are for all staff.
    { to: '/formation', label: t('training.nav') },
    ...(isDeskRole(role) ? [{ to: '/incidents', label: t('nav.incidents') }] : []),
    ...(canReadListening(role) ? [{ to: '/veille', label: t('listening.nav') }] : []),
    ...(canUsePublishing(role) ? [{ to: '/publier', label: t('publishing.nav') }] : []),
    ...(canReadDashboard(role) ? [{ to: '/tableau-de-bord', label: t('analytics.nav') }] : []),
    // « /admin » and not a sub-page: NavLink then marks it current on every administration page.
    ...(role === 'admin' ? [{ to: '/admin', label: t('admin.nav') }] : []),
    // The legal service reads the audit trail; admins reach it from the administration.
    ...(role === 'legal' ? [{ to: '/admin/journal', label: t('accounts.audit.nav') }] : []),
  ];
  return (
    <Group component="nav" aria-label={t('nav.label')} gap="md" wrap="wrap">
      {links.map((link) => (
        <Anchor
          key={link.to}
          component={NavLink}
          to={link.to}
          fw={500}
          // NavLink sets aria-current="page" on the active link; underline it so it shows without colour.
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
