import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from './catalog.api';

/** How many times each release's files were downloaded (every download is also in the activity log). */
export function DownloadsTab({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('catalog.downloads.intro')}
      </Text>
      <Text fw={600} data-testid="downloads-total">
        {t('catalog.downloads.total', { count: product.downloadCount })}
      </Text>
      {product.releases.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('catalog.releases.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="downloads-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.downloads.columns.release')}</Table.Th>
                <Table.Th>{t('catalog.downloads.columns.files')}</Table.Th>
                <Table.Th>{t('catalog.downloads.columns.downloads')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.releases.map((release) => (
                <Table.Tr key={release.id} data-testid="downloads-row" data-version={release.version}>
                  <Table.Td fz="sm">
                    {release.version}{' '}
                    {release.publishedAt === null ? (
                      <Badge size="xs" variant="light" color="yellow">
                        {t('catalog.releases.draft')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {release.files.length === 0
                      ? '—'
                      : release.files.map((file) => (
                          <Text key={file.id} size="sm" c={file.removedAt ? 'dimmed' : undefined}>
                            {file.fileName}: {file.downloadCount}
                          </Text>
                        ))}
                  </Table.Td>
                  <Table.Td fz="sm" fw={600}>
                    {release.downloadCount}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
