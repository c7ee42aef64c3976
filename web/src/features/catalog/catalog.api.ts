import type {
  Agreement,
  Bulletin,
  BulletinKind,
  CatalogFile,
  CreateAgreementBody,
  CreateBulletinBody,
  CreateComponentBody,
  CreateFamilyBody,
  CreateProductBody,
  CreateReleaseBody,
  ProductComponent,
  ProductDetail,
  ProductFamily,
  ProductFamilyList,
  ProductList,
  ProductSummary,
  Release,
  ReleaseFile,
  ReleaseWithFiles,
  ResourceType,
  SystemRequirements,
  UpdateBulletinBody,
  UpdateComponentBody,
  UpdateFamilyBody,
  UpdateProductBody,
  UpdateReleaseBody,
} from '@common/schemas/catalog';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { toQueryString } from '../../components/to-query-string';

export type { Agreement, Bulletin, BulletinKind, CatalogFile, ProductComponent, ProductDetail, ProductFamily, ProductSummary, Release, ReleaseFile, ReleaseWithFiles, ResourceType, SystemRequirements };

const catalogKey = ['catalog'] as const;
const familiesKey = [...catalogKey, 'families'] as const;
const productsKey = [...catalogKey, 'products'] as const;
const productKey = (productId: string) => [...catalogKey, 'product', productId] as const;
const id = encodeURIComponent;

/** Refreshes everything the catalog pages show: a change to one product moves counts in the lists too. */
function useInvalidateCatalog() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: catalogKey });
}

/** A mutation whose success refreshes the catalog. */
function useCatalogMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn, onSuccess: invalidate });
}

export function useFamilies() {
  return useQuery({ queryKey: familiesKey, queryFn: () => apiClient.get<ProductFamilyList>('/api/v1/catalog/families') });
}

export const useCreateFamily = () => useCatalogMutation((body: CreateFamilyBody) => apiClient.post<ProductFamily>('/api/v1/catalog/families', body));
export const useUpdateFamily = () =>
  useCatalogMutation(({ familyId, body }: { familyId: string; body: UpdateFamilyBody }) => apiClient.patch<ProductFamily>(`/api/v1/catalog/families/${id(familyId)}`, body));
export const useDeleteFamily = () => useCatalogMutation((familyId: string) => apiClient.delete<void>(`/api/v1/catalog/families/${id(familyId)}`));

export interface ProductFilters {
  q: string;
  familyId: string | null;
}

/** The catalog's products, searched and filtered; the previous answer stays shown while the next loads. */
export function useProducts(filters: ProductFilters) {
  return useQuery({
    queryKey: [...productsKey, filters],
    queryFn: () => apiClient.get<ProductList>(`/api/v1/catalog/products${toQueryString({ q: filters.q, familyId: filters.familyId })}`),
    placeholderData: keepPreviousData,
  });
}

export function useProduct(productId: string) {
  return useQuery({ queryKey: productKey(productId), queryFn: () => apiClient.get<ProductDetail>(`/api/v1/catalog/products/${id(productId)}`) });
}

export const useCreateProduct = () => useCatalogMutation((body: CreateProductBody) => apiClient.post<ProductDetail>('/api/v1/catalog/products', body));
export const useUpdateProduct = (productId: string) =>
  useCatalogMutation((body: UpdateProductBody) => apiClient.patch<ProductDetail>(`/api/v1/catalog/products/${id(productId)}`, body));
export const useDeleteProduct = (productId: string) => useCatalogMutation(() => apiClient.delete<void>(`/api/v1/catalog/products/${id(productId)}`));

export const useCreateComponent = (productId: string) =>
  useCatalogMutation((body: CreateComponentBody) => apiClient.post<ProductComponent>(`/api/v1/catalog/products/${id(productId)}/components`, body));
export const useUpdateComponent = () =>
  useCatalogMutation(({ componentId, body }: { componentId: string; body: UpdateComponentBody }) => apiClient.patch<ProductComponent>(`/api/v1/catalog/components/${id(componentId)}`, body));
export const useDeleteComponent = () => useCatalogMutation((componentId: string) => apiClient.delete<void>(`/api/v1/catalog/components/${id(componentId)}`));

export const useCreateRelease = (productId: string) =>
  useCatalogMutation((body: CreateReleaseBody) => apiClient.post<Release>(`/api/v1/catalog/products/${id(productId)}/releases`, body));
export const useUpdateRelease = () =>
  useCatalogMutation(({ releaseId, body }: { releaseId: string; body: UpdateReleaseBody }) => apiClient.patch<Release>(`/api/v1/catalog/releases/${id(releaseId)}`, body));
export const usePublishRelease = () => useCatalogMutation((releaseId: string) => apiClient.post<Release>(`/api/v1/catalog/releases/${id(releaseId)}/publish`));
export const useDeleteRelease = () => useCatalogMutation((releaseId: string) => apiClient.delete<void>(`/api/v1/catalog/releases/${id(releaseId)}`));
export const useRemoveFile = () => useCatalogMutation((fileId: string) => apiClient.delete<void>(`/api/v1/catalog/files/${id(fileId)}`));

export const useCreateBulletin = (productId: string) =>
  useCatalogMutation((body: CreateBulletinBody) => apiClient.post<Bulletin>(`/api/v1/catalog/products/${id(productId)}/bulletins`, body));
export const useUpdateBulletin = () =>
  useCatalogMutation(({ bulletinId, body }: { bulletinId: string; body: UpdateBulletinBody }) => apiClient.patch<Bulletin>(`/api/v1/catalog/bulletins/${id(bulletinId)}`, body));
export const useDeleteBulletin = () => useCatalogMutation((bulletinId: string) => apiClient.delete<void>(`/api/v1/catalog/bulletins/${id(bulletinId)}`));

export const usePublishAgreement = (productId: string) =>
  useCatalogMutation((body: CreateAgreementBody) => apiClient.post<Agreement>(`/api/v1/catalog/products/${id(productId)}/agreements`, body));

/** Refreshes the catalog after an upload made outside TanStack Query (XMLHttpRequest, for its progress). */
export const useInvalidateCatalogAfterUpload = useInvalidateCatalog;
