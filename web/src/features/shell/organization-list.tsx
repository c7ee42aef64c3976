import { Badge, Card, Divider, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../auth/me';
import { NoOrganizationState } from '../organizations/no-organization-state';
import { RequireMfaSwitch } from '../organizations/require-mfa-switch';

/**
 * The organizations a person belongs to, with their role in each (and, for owners and admins, the
 * organization's two-step sign-in rule); an empty state, with a way to create one, when there are none.
 */
export function OrganizationList({ memberships }: { memberships: Membership[] }) {
  const { t } = useTranslation();

  if (memberships.length === 0) return <NoOrganizationState testId="organizations-empty" />;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="organizations">
      {memberships.map((membership) => (
        <Card key={membership.organizationId} withBorder radius="lg" p="lg" data-testid="organization-card">
          <Group wrap="nowrap" align="flex-start" gap="md">
            <ThemeIcon size={44} radius="md" variant="light">
              <IconBuilding size={24} stroke={1.6} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text fw={600} truncate>
                {membership.organizationName}
              </Text>
              <Badge variant="dot" radius="sm" mt={6}>
                {t(`roles.member.${membership.role}`)}
              </Badge>
            </div>
          </Group>
          {membership.role === 'owner' || membership.role === 'admin' ? (
            <>
              <Divider my="md" />
              <RequireMfaSwitch organizationId={membership.organizationId} />
            </>
          ) : null}
        </Card>
      ))}
    </SimpleGrid>
  );
}
