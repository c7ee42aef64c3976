import { Avatar, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { getAvatarInitials } from '../../components/get-avatar-initials';

/** Who is signed in: name, email, and their roles. */
export function ProfileSummary() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-labelledby="profile-title" data-testid="profile-summary">
      <Group wrap="nowrap" gap="lg" align="flex-start">
        <Avatar name={me.name} color="initials" radius="xl" size={56}>
          {getAvatarInitials(me.name)}
        </Avatar>
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id="profile-title">
            {me.name}
          </Title>
          <Text size="sm" c="dimmed" truncate>
            {me.email}
          </Text>
          <Group gap={6}>
            {me.staffRole ? (
              <Badge variant="light" color="grape" radius="sm">
                {t(`roles.staff.${me.staffRole}`)}
              </Badge>
            ) : null}
            {me.memberships.map((membership) => (
              <Badge key={membership.organizationId} variant="dot" radius="sm">
                {membership.organizationName} · {t(`roles.member.${membership.role}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
