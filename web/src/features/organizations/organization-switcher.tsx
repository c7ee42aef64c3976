import { Box, Group, Loader, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CreateOrganizationModal } from './create-organization-modal';
import { useCurrentOrganization } from './use-current-organization';

/** The top bar's organization switcher: my organizations, the current one ticked, and "Create organization". */
export function OrganizationSwitcher() {
  const { t } = useTranslation();
  const { organizations, current, query, select } = useCurrentOrganization();
  const [isCreating, { open, close }] = useDisclosure(false);
  // While the list loads there is no answer yet: say nothing rather than "no organization".
  const label = current?.name ?? (query.isPending ? '' : t('organizations.switcher.none'));

  return (
    <>
      <Menu position="bottom-start" width={280} withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={t('organizations.switcher.label', { name: label })}
            data-testid="org-switcher"
            data-organization-id={current?.id}
            px={{ base: 6, sm: 'xs' }}
            py={6}
            style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)', minWidth: 0, maxWidth: '100%' }}
          >
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              {/* On a phone the name needs the room more than the building does. */}
              {query.isPending ? (
                <Loader size={14} />
              ) : (
                <Box visibleFrom="sm" display="flex" style={{ flexShrink: 0 }}>
                  <IconBuilding size={16} stroke={1.7} />
                </Box>
              )}
              <Text size="sm" fw={500} maw={200} truncate style={{ minWidth: 0 }}>
                {label}
              </Text>
              <IconSelector size={14} stroke={1.7} style={{ flexShrink: 0 }} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('organizations.switcher.title')}</Menu.Label>
          {organizations.map((organization) => (
            <Menu.Item
              key={organization.id}
              onClick={() => select(organization.id)}
              leftSection={organization.id === current?.id ? <IconCheck size={16} /> : <IconBuilding size={16} stroke={1.6} />}
              rightSection={
                <Text size="xs" c="dimmed">
                  {t(`roles.member.${organization.role}`)}
                </Text>
              }
              aria-current={organization.id === current?.id ? 'true' : undefined}
              data-testid="org-switcher-option"
              data-organization-id={organization.id}
            >
              <Text size="sm" truncate>
                {organization.name}
              </Text>
            </Menu.Item>
          ))}
          {organizations.length > 0 ? <Menu.Divider /> : null}
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={open} data-testid="create-organization">
            {t('organizations.create.title')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateOrganizationModal opened={isCreating} onClose={close} />
    </>
  );
}
