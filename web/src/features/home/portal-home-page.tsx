import { Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { OrganizationList } from '../shell/organization-list';

/** `/portal`: a welcome and the organizations the person belongs to. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  useDocumentTitle(`${t('features.portal.home.title')} · Atrium`);

  return (
    <Container size="lg" px={0}>
      <Stack gap="xl">
        <Stack gap={4}>
          <Title order={1} data-testid="welcome">
            {t('home.welcome', { name: me.name })}
          </Title>
          <Text c="dimmed" size="lg">
            {t('home.intro')}
          </Text>
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="organizations-title">
          <Title order={2} size="h4" id="organizations-title">
            {t('home.organizationsTitle')}
          </Title>
          <OrganizationList memberships={me.memberships} />
        </Stack>
      </Stack>
    </Container>
  );
}
