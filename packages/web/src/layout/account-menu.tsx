import { Button, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';

/**
 * Who is signed in, always in sight: the name on a button (cut short on a phone), and in its menu
 * the e-mail, the role and the establishment. Someone handing over a shared workstation sees at a
 * glance whose session is open.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const { session, membership, role } = useSession();
  if (!session) return null;
  const roleName = role === null ? '' : t(`roles.${role}`);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          aria-label={t('accounts.header.menu', { name: session.user.displayName, role: roleName })}
        >
          {/* Cut short with an ellipsis on a phone; the menu gives the whole name. */}
          <span
            style={{
              display: 'inline-block',
              maxWidth: 'min(22rem, 45vw)',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {session.user.displayName}
            {roleName === '' ? '' : ` · ${roleName}`}
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={2} p="xs" maw="18rem" data-testid="account-details">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {session.user.displayName}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {session.user.email}
          </Text>
          {membership !== null ? (
            <Text size="sm">
              {t('accounts.header.roleIn', { role: roleName, establishment: membership.establishmentName })}
            </Text>
          ) : null}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}
