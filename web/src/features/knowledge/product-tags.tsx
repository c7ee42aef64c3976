import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The products an article is about, as tags (a name cut short by a narrow column shows whole on hover). */
export function ProductTags({ products, size = 'sm' }: { products: readonly { id: string; name: string }[]; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  if (products.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" aria-label={t('knowledge.fields.products')} role="list" data-testid="article-products">
      {products.map((product) => (
        <Badge key={product.id} variant="outline" color="indigo" radius="sm" size={size} tt="none" role="listitem" title={product.name}>
          {product.name}
        </Badge>
      ))}
    </Group>
  );
}
