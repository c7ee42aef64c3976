import { ActionIcon, Button, Card, Container, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import type { Organization } from '../organizations/organizations.api';
import { DeleteSiteModal } from './delete-site-modal';
import { SiteFormModal, type SiteFormMode } from './site-form-modal';
import { SiteTree } from './site-tree';
import { useSites, type SiteTreeItem } from './sites.api';

function SitesCard({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const sites = useSites(organization.id);
  const canManage = organization.abilities.includes('organization.manage') && !organization.archivedAt;
  const [formMode, setFormMode] = useState<SiteFormMode | null>(null);
  const [deleting, setDeleting] = useState<SiteTreeItem | null>(null);

  const renderActions = (site: SiteTreeItem) => (
    <>
      <Tooltip label={t('sites.addSubSiteTitle')} withArrow>
        <ActionIcon variant="subtle" onClick={() => setFormMode({ kind: 'add', parentId: site.id })} aria-label={t('sites.addSubSiteNamed', { name: site.name })} data-testid="add-sub-site">
          <IconPlus size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('sites.editTitle')} withArrow>
        <ActionIcon variant="subtle" onClick={() => setFormMode({ kind: 'edit', site })} aria-label={t('sites.editNamed', { name: site.name })} data-testid="edit-site">
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('sites.delete.title')} withArrow>
        <ActionIcon variant="subtle" color="red" onClick={() => setDeleting(site)} aria-label={t('sites.deleteNamed', { name: site.name })} data-testid="delete-site">
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </>
  );

  return (
    <Card withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" maw={560}>
            {canManage ? t('sites.introManage') : t('sites.introView')}
          </Text>
          {canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setFormMode({ kind: 'add', parentId: null })} data-testid="add-site">
              {t('sites.add')}
            </Button>
          ) : null}
        </Group>
        {sites.isError ? (
          <LoadErrorAlert error={sites.error} onRetry={() => void sites.refetch()} />
        ) : sites.data ? (
          <SiteTree sites={sites.data.items} renderActions={canManage ? renderActions : undefined} />
        ) : (
          <Skeleton height={160} radius="md" />
        )}
      </Stack>
      <SiteFormModal organizationId={organization.id} sites={sites.data?.items ?? []} mode={formMode} onClose={() => setFormMode(null)} />
      <DeleteSiteModal organizationId={organization.id} site={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}

/** `/portal/sites`: the current organization's sites as a tree; owners and admins add, rename, move and delete. */
export function SitesPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.portal.sites.title'));
  return (
    <Container size="lg" px={0} data-testid="sites-page">
      <Stack gap="lg">
        <Title order={1}>{t('features.portal.sites.title')}</Title>
        <CurrentOrganizationGate>{(organization) => <SitesCard key={organization.id} organization={organization} />}</CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
