import { Button, Card, EmptyState } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CreateOrganizationModal } from './create-organization-modal';

/** Shown where an organization is needed and the person belongs to none: wait for an invitation, or create one. */
export function NoOrganizationState({ testId = 'no-organization' }: { testId?: string }) {
  const { t } = useTranslation();
  const [isCreating, { open, close }] = useDisclosure(false);
  return (
    <Card withBorder radius="lg" p="xl" data-testid={testId}>
      <EmptyState
        icon={<IconBuildingCommunity size={32} stroke={1.5} />}
        variant="light"
        title={t('home.noOrganizationsTitle')}
        description={t('home.noOrganizationsDescription')}
      >
        <EmptyState.Actions>
          <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="create-organization">
            {t('organizations.create.emptyAction')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
      <CreateOrganizationModal opened={isCreating} onClose={close} />
    </Card>
  );
}
