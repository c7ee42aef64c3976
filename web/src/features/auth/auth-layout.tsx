import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../components/brand-mark';
import { ColorSchemeToggle } from '../preferences/color-scheme-toggle';
import { LanguageSwitch } from '../preferences/language-switch';

/** The quiet, centered frame of the sign-in and change-password pages. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box
      mih="100dvh"
      style={{
        background:
          'radial-gradient(1200px 600px at 10% -10%, var(--mantine-color-indigo-light), transparent 60%), radial-gradient(900px 500px at 110% 110%, var(--mantine-color-cyan-light), transparent 60%)',
      }}
    >
      <Group justify="flex-end" p="md" gap="xs">
        <LanguageSwitch />
        <ColorSchemeToggle />
      </Group>
      <Center px="md" pb={64}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={4}>
            <BrandMark size="lg" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
