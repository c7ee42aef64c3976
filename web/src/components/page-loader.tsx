import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Full-height spinner shown while the session or a page is loading. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" data-testid="page-loader">
      <Stack align="center" gap="sm">
        <Loader type="dots" size="lg" aria-label={t('common.loading')} />
        <Text c="dimmed" size="sm">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}
