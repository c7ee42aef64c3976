import { Alert, Group, Modal, SegmentedControl, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { RESOURCE_TYPE_VALUES } from '@common/schemas/products';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { AgreementModal } from './agreement-modal';
import { FileTable } from './file-table';
import { getDownloadRefusal } from './get-download-refusal';
import { useProductDetail, useProductFiles, type ResourceType } from './products.api';
import { useFileDownload } from './use-file-download';

/** The product a Downloads window is for. */
export interface DownloadTarget {
  siteId: string;
  productId: string;
  name: string;
  siteName: string;
}

type VersionScope = 'current' | 'all';

function DownloadsBrowser({ organizationId, target }: { organizationId: string; target: DownloadTarget }) {
  const { t } = useTranslation();
  const [resourceType, setResourceType] = useState<ResourceType>('software');
  const [version, setVersion] = useState<VersionScope>('current');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [releaseId, setReleaseId] = useState<string | null>(null);
  const detail = useProductDetail(organizationId, target.siteId, target.productId);
  const files = useProductFiles(organizationId, target.siteId, target.productId, {
    resourceType,
    version,
    ...(version === 'all' ? { q, releaseId } : {}),
  });
  const download = useFileDownload(organizationId, target.siteId, target.productId);
  const software = resourceType === 'software' || resourceType === 'update';
  const ability = detail.data ? (software ? detail.data.downloads.software : detail.data.downloads.documents) : null;

  return (
    <Stack gap="md" data-testid="downloads">
      <Text size="sm" c="dimmed">
        {t('products.downloads.intro', { site: target.siteName })}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="resource-type-label">
          {t('products.downloads.resourceType')}
        </Text>
        <SegmentedControl
          aria-labelledby="resource-type-label"
          value={resourceType}
          onChange={(value) => setResourceType(value as ResourceType)}
          data={RESOURCE_TYPE_VALUES.map((value) => ({ value, label: t(`products.resourceTypes.${value}`) }))}
          fullWidth
          data-testid="resource-type"
        />
      </Stack>
      <SegmentedControl
        aria-label={t('products.downloads.versionScope')}
        value={version}
        onChange={(value) => setVersion(value as VersionScope)}
        data={[
          { value: 'current', label: t('products.downloads.currentVersion') },
          { value: 'all', label: t('products.downloads.previousVersions') },
        ]}
        data-testid="version-scope"
      />
      {version === 'all' ? (
        <Group grow align="flex-end">
          <TextInput label={t('products.downloads.search')} leftSection={<IconSearch size={16} />} value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
          <Select
            label={t('products.downloads.release')}
            placeholder={t('products.downloads.allReleases')}
            data={(detail.data?.releases ?? []).map((release) => ({ value: release.id, label: `${release.version} (${release.releasedOn})` }))}
            value={releaseId}
            onChange={setReleaseId}
            clearable
            comboboxProps={{ withinPortal: true, zIndex: 400 }}
          />
        </Group>
      ) : null}
      {ability && !ability.allowed ? (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} data-testid="downloads-refused">
          {getDownloadRefusal(t, ability)}
        </Alert>
      ) : null}
      {download.error ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" withCloseButton onClose={download.clearError} data-testid="download-error">
          {download.error}
        </Alert>
      ) : null}
      {files.isError ? (
        <LoadErrorAlert error={files.error} onRetry={() => void files.refetch()} />
      ) : !files.data ? (
        <Skeleton height={120} radius="md" />
      ) : files.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-files">
          {version === 'current' ? t('products.downloads.noCurrentFiles') : t('products.downloads.noFiles')}
        </Text>
      ) : (
        <FileTable files={files.data.items} onDownload={download.download} pendingFileId={download.pendingFileId} />
      )}
      <AgreementModal agreement={download.agreement} onAgree={download.agree} onCancel={download.cancel} agreeing={download.agreeing} />
    </Stack>
  );
}

/** The Downloads window of a licensed product (the manual's step 4): pick a resource type, then a version's files. */
export function DownloadsModal({ organizationId, target, onClose }: { organizationId: string; target: DownloadTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('products.downloads.title', { name: target?.name ?? '' })} size="xl" data-testid="downloads-modal">
      {target ? <DownloadsBrowser key={`${target.siteId}-${target.productId}`} organizationId={organizationId} target={target} /> : null}
    </Modal>
  );
}
