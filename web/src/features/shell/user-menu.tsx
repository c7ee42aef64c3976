import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLock, IconLogout, IconSwitchHorizontal, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getAvatarInitials } from '../../components/get-avatar-initials';
import { useSignOut } from '../auth/auth.api';
import { useSignedInMe } from '../auth/use-signed-in-me';
import type { Face } from './nav-item';

/** The signed-in person's menu: who they are, the other face for staff, their account, password, sign out. */
export function UserMenu({ face }: { face: Face }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const signOut = useSignOut();
  const otherFace: Face = face === 'portal' ? 'console' : 'portal';

  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu')} data-testid="user-menu" style={{ borderRadius: 'var(--mantine-radius-md)' }} p={4}>
          <Group gap={8} wrap="nowrap">
            <Avatar name={me.name} color="initials" radius="xl" size={32}>
              {getAvatarInitials(me.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
              {me.name}
            </Text>
            {/* A phone's header keeps its room for the organization's name: the avatar alone opens the menu. */}
            <Box visibleFrom="sm" display="flex">
              <IconChevronDown size={14} stroke={1.8} />
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.email}
          </Text>
          {me.staffRole ? (
            <Text size="xs" c="dimmed" mt={2}>
              {t(`roles.staff.${me.staffRole}`)}
            </Text>
          ) : null}
        </Menu.Label>
        <Menu.Divider />
        {me.staffRole ? (
          <Menu.Item component={Link} to={`/${otherFace}`} leftSection={<IconSwitchHorizontal size={16} />}>
            {t(`shell.goTo.${otherFace}`)}
          </Menu.Item>
        ) : null}
        <Menu.Item component={Link} to={`/${face}/account`} leftSection={<IconUserCircle size={16} />} data-testid="my-account">
          {t('shell.myAccount')}
        </Menu.Item>
        <Menu.Item component={Link} to="/change-password" leftSection={<IconLock size={16} />}>
          {t('shell.changePassword')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()} data-testid="sign-out">
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
