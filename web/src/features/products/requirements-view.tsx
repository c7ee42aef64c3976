import { Card, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductComponent } from './products.api';

const FIELDS = ['os', 'cpu', 'memory', 'disk', 'prerequisites'] as const;

/** The system requirements of each component of a product (OS, CPU, memory, disk, prerequisites). */
export function RequirementsView({ components }: { components: ProductComponent[] }) {
  const { t } = useTranslation();
  if (components.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('products.components.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="requirements">
      {components.map((component) => (
        <Card key={component.id} withBorder radius="md" p="md" data-testid="component-requirements">
          <Title order={4} mb={4}>
            {component.name}
          </Title>
          {component.description ? (
            <Text size="sm" c="dimmed" mb="sm">
              {component.description}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" component="dl" m={0}>
            {FIELDS.map((field) => (
              <div key={field}>
                <Text component="dt" size="xs" c="dimmed" fw={600}>
                  {t(`products.requirements.${field}`)}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {component.requirements[field] || '—'}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}

/** The gear icon's window: a product's system requirements per component. */
export function RequirementsModal({ title, components, onClose }: { title: string | null; components: ProductComponent[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={title !== null} onClose={onClose} title={t('products.requirements.title', { name: title ?? '' })} size="lg">
      <RequirementsView components={components} />
    </Modal>
  );
}
