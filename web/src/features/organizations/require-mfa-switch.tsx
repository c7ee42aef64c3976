import { Loader, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useOrganizationSecurity, useUpdateOrganizationSecurity } from './organizations.api';

/** "Require two-step sign-in for members", on an organization card of its owners and admins. */
export function RequireMfaSwitch({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const security = useOrganizationSecurity(organizationId);
  const update = useUpdateOrganizationSecurity(organizationId);

  if (security.isError) {
    return (
      <Text size="xs" c="red" data-testid="org-require-mfa-error">
        {getErrorMessage(security.error)}
      </Text>
    );
  }

  return (
    <Switch
      size="sm"
      label={t('home.requireMfa')}
      description={t('home.requireMfaHint')}
      checked={update.isPending ? update.variables.requireMfa : (security.data?.requireMfa ?? false)}
      disabled={!security.data || update.isPending}
      thumbIcon={update.isPending ? <Loader size={10} /> : undefined}
      onChange={(event) => {
        const requireMfa = event.currentTarget.checked;
        update.mutate(
          { requireMfa },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: requireMfa ? t('home.requireMfaOn') : t('home.requireMfaOff') }),
            onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
          },
        );
      }}
      data-testid="org-require-mfa"
    />
  );
}
