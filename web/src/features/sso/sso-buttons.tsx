import { Button, Divider, Stack } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getSafeNextPath } from '../auth/get-safe-next-path';
import { useSsoProviders } from './sso.api';

/** One "Sign in with …" link per identity provider; a full page navigation, since the provider's pages take over. */
export function SsoButtons({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const { data } = useSsoProviders();
  const providers = data?.items ?? [];
  if (providers.length === 0) return null;
  const nextPath = encodeURIComponent(getSafeNextPath(next) ?? '/');

  return (
    <Stack gap="sm">
      <Divider label={t('signIn.or')} labelPosition="center" />
      {providers.map((provider) => (
        <Button
          key={provider.id}
          component="a"
          href={`/api/v1/auth/sso/${encodeURIComponent(provider.id)}/start?next=${nextPath}`}
          variant="default"
          fullWidth
          leftSection={<IconKey size={18} stroke={1.6} />}
          data-testid="sso-button"
          data-provider-id={provider.id}
        >
          {t('signIn.ssoButton', { name: provider.name })}
        </Button>
      ))}
    </Stack>
  );
}
