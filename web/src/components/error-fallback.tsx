import { Button, Center, Code, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMoodSad, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-error';

interface ErrorFallbackProps {
  error?: unknown;
  /** Retries in place; without it the button reloads the page. */
  onRetry?: () => void;
  isRetrying?: boolean;
}

/** Friendly "something went wrong" panel with a way out; never a stack trace. */
export function ErrorFallback({ error, onRetry, isRetrying = false }: ErrorFallbackProps) {
  const { t } = useTranslation();
  const isOffline = error instanceof ApiError && (error.status === 0 || error.status >= 502);
  return (
    <Center mih="60vh" p="md" role="alert" data-testid="error-fallback">
      <Paper withBorder shadow="sm" radius="lg" p="xl" maw={460} w="100%">
        <Stack align="center" gap="md" ta="center">
          <ThemeIcon size={64} radius="xl" variant="light" color="red">
            <IconMoodSad size={36} stroke={1.5} />
          </ThemeIcon>
          <Title order={2} size="h3">
            {isOffline ? t('errorPage.offlineTitle') : t('errorPage.title')}
          </Title>
          <Text c="dimmed">{isOffline ? t('errorPage.offlineDescription') : t('errorPage.description')}</Text>
          {error instanceof ApiError && error.code && !isOffline ? (
            <Text size="xs" c="dimmed">
              {t('errorPage.code')} <Code>{error.code}</Code>
            </Text>
          ) : null}
          <Group>
            <Button
              leftSection={<IconRefresh size={18} />}
              loading={isRetrying}
              onClick={onRetry ?? (() => window.location.reload())}
            >
              {onRetry ? t('common.retry') : t('errorPage.reload')}
            </Button>
            <Button variant="default" component="a" href="/">
              {t('common.goHome')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
