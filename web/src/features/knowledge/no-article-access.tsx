import { Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** What vendor staff who do not write articles see instead of the console's knowledge pages. */
export function NoArticleAccess() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" data-testid="knowledge-no-access">
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 40 }} maw={520} w="100%">
        <Stack align="center" ta="center" gap="sm">
          <ThemeIcon size={64} radius={32} variant="light" color="gray">
            <IconLock size={32} stroke={1.5} />
          </ThemeIcon>
          <Title order={1} size="h3">
            {t('knowledge.noAccess.title')}
          </Title>
          <Text c="dimmed">{t('knowledge.noAccess.description')}</Text>
        </Stack>
      </Paper>
    </Center>
  );
}
