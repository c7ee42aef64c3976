import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/branding';

interface NotFoundPageProps {
  /** Where the button leads. */
  homePath?: string;
  /** What was not found, when the page knows (a case): its own title, explanation and button label. */
  title?: string;
  description?: string;
  backLabel?: string;
}

/** Shown for a path that leads nowhere, or a thing that is not there for the reader; inside the shell when signed in, on its own otherwise. */
export function NotFoundPage({ homePath = '/', title, description, backLabel }: NotFoundPageProps) {
  const { t } = useTranslation();
  usePageTitle(title ?? t('notFound.title'));
  return (
    <Center mih="70vh" p="md" data-testid="not-found-page">
      <Stack align="center" ta="center" gap="md" maw={480}>
        <Text fz={96} fw={900} lh={1} c="var(--mantine-color-default-border)" aria-hidden>
          404
        </Text>
        <Title order={1} size="h2">
          {title ?? t('notFound.title')}
        </Title>
        <Text c="dimmed">{description ?? t('notFound.description')}</Text>
        <Button component={Link} to={homePath} leftSection={<IconArrowLeft size={18} />} variant="light">
          {backLabel ?? t('common.goHome')}
        </Button>
      </Stack>
    </Center>
  );
}
