import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../components/brand-mark';
import { ColorSchemeToggle } from '../preferences/color-scheme-toggle';
import { LanguageSwitch } from '../preferences/language-switch';

/** The quiet, centered frame of the sign-in, registration and password pages; `width` for the longer forms. */
export function AuthLayout({ children, width = 420 }: { children: ReactNode; width?: number }) {
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
        <Stack w="100%" maw={width} gap="lg">
          <Stack align="center" gap={4}>
            {/* Capped at the column's width, so that a long service name is cut rather than pushing the mark off a phone's screen. */}
            <Box maw="100%">
              <BrandMark size="lg" />
            </Box>
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
