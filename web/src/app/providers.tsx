import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/ko';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppErrorBoundary } from './app-error-boundary';
import { queryClient } from './query-client';
import { theme } from './theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'atrium.theme' });

/** Date pickers in the UI's language (month and weekday names), weeks from Sunday as Korean and US calendars show them. */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language.startsWith('ko') ? 'ko' : 'en', firstDayOfWeek: 0 }}>{children}</DatesProvider>;
}

/** Theme, colour scheme, notifications, the top-level error boundary and the query cache. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <AppErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <LocalizedDates>{children}</LocalizedDates>
        </QueryClientProvider>
      </AppErrorBoundary>
    </MantineProvider>
  );
}
