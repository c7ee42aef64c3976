import { Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * What a person sees instead of a page their role does not open: a lock, a title and a line of
 * explanation, from `<texts>.title` and `<texts>.description` (e.g. `caseQueue.noAccess`).
 */
/** The translation groups that hold a title and a description for this panel. */
export type NoAccessTexts = 'caseQueue.noAccess' | 'knowledge.noAccess' | 'catalog.noAccess' | 'activity.noAccess';

export function NoAccessPanel({ texts, testId }: { texts: NoAccessTexts; testId: string }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" data-testid={testId}>
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 40 }} maw={520} w="100%">
        <Stack align="center" ta="center" gap="sm">
          <ThemeIcon size={64} radius={32} variant="light" color="gray">
            <IconLock size={32} stroke={1.5} />
          </ThemeIcon>
          <Title order={1} size="h3">
            {t(`${texts}.title`)}
          </Title>
          <Text c="dimmed">{t(`${texts}.description`)}</Text>
        </Stack>
      </Paper>
    </Center>
  );
}
