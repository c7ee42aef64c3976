import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/branding';

/** Shown for a path that leads nowhere; inside the shell when signed in, on its own otherwise. */
export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Center mih="70vh" p="md" data-testid="not-found-page">
      <Stack align="center" ta="center" gap="md" maw={480}>
        <Text fz={96} fw={900} lh={1} c="var(--mantine-color-default-border)" aria-hidden>
          404
        </Text>
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.description')}</Text>
        <Button component={Link} to={homePath} leftSection={<IconArrowLeft size={18} />} variant="light">
          {t('common.goHome')}
        </Button>
      </Stack>
    </Center>
  );
}
