import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { apiClient } from '../../app/api-client';
import { meQueryKey, rememberMe } from '../auth/auth.api';
import type { Me, ThemePreference } from '../auth/me';

export interface PreferencesBody {
  locale?: 'ko' | 'en';
  theme?: ThemePreference;
}

/** Saves language and theme on the server so they follow the person to other browsers. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesBody) => apiClient.patch<Me>('/api/v1/me/preferences', body),
    // Update the cached person at once so nothing re-applies the old value while the request runs.
    onMutate: (body) => {
      queryClient.setQueryData<Me | null>(meQueryKey, (me) => (me ? { ...me, ...body } : me));
    },
    onSuccess: (me) => rememberMe(queryClient, me),
    onError: () => {
      notifications.show({
        color: 'yellow',
        title: i18n.t('preferences.saveFailedTitle'),
        message: i18n.t('preferences.saveFailedMessage'),
      });
    },
  });
}
