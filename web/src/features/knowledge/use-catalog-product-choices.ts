import { useMemo } from 'react';
import { useProducts } from '../catalog/catalog.api';

/**
 * The catalog's products as choices for product tags and filters (`{ value: id, label: name }`),
 * plus any product already on the article (`current`) that the catalog answer does not hold.
 */
export function useCatalogProductChoices(current: readonly { id: string; name: string }[] = []) {
  const products = useProducts({ q: '', familyId: null });
  const data = useMemo(() => {
    const names = new Map<string, string>();
    for (const product of products.data?.items ?? []) names.set(product.id, product.name);
    for (const product of current) if (!names.has(product.id)) names.set(product.id, product.name);
    return [...names].map(([value, label]) => ({ value, label }));
  }, [products.data, current]);
  return { data, isLoading: products.isLoading, error: products.error };
}
