import { Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { NoAccessPanel } from '../../components/no-access-panel';
import { useStaffCan } from '../auth/use-staff-can';
import { ActivityLog } from './activity-log';

/** `/console/activity`: the whole installation's activity log, for vendor staff with `audit.view`; others see why not. */
export function ConsoleActivityPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.console.activity.title'));
  const canView = useStaffCan('audit.view');
  if (!canView) return <NoAccessPanel texts="activity.noAccess" testId="activity-no-access" />;
  return (
    <Container size="xl" px={0} data-testid="activity-page">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('features.console.activity.title')}</Title>
          <Text c="dimmed">{t('features.console.activity.description')}</Text>
        </Stack>
        <ActivityLog scope={{ kind: 'console' }} />
      </Stack>
    </Container>
  );
}
