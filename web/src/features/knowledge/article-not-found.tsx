import { Button, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconArticleOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * An article that does not exist, is not published, or is not shared with this reader; `action`
 * is another way on, beside going back (signing in, on the public page).
 */
export function ArticleNotFound({ backPath, backLabel, action }: { backPath: string; backLabel: string; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md" data-testid="article-not-found">
      <Stack align="center" ta="center" gap="md" maw={480}>
        <ThemeIcon size={72} radius={36} variant="light" color="gray">
          <IconArticleOff size={36} stroke={1.5} />
        </ThemeIcon>
        <Title order={1} size="h2">
          {t('knowledge.notFound.title')}
        </Title>
        <Text c="dimmed">{t('knowledge.notFound.description')}</Text>
        <Group justify="center" gap="sm">
          {action}
          <Button component={Link} to={backPath} leftSection={<IconArrowLeft size={18} />} variant="light">
            {backLabel}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
