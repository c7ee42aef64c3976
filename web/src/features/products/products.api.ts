import type {
  Agreement,
  Bulletin,
  ContractWarning,
  DownloadAbility,
  DownloadLink,
  DownloadLinkBody,
  DisplayNameResult,
  FileList,
  LicensedProduct,
  ProductComponent,
  ProductDetail,
  ProductFile,
  ProductList,
  ResourceType,
  SiteRef,
} from '@common/schemas/products';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { toQueryString } from '../../components/to-query-string';
import { organizationKey, organizationPath } from '../organizations/organizations.api';

export type { Agreement, Bulletin, ContractWarning, DownloadAbility, DownloadLink, LicensedProduct, ProductComponent, ProductDetail, ProductFile, ResourceType, SiteRef };

export interface ProductFilters {
  siteId?: string | null;
  q?: string;
}

export interface FileFilters {
  resourceType: ResourceType;
  version: 'current' | 'all';
  q?: string;
  releaseId?: string | null;
}

const productsKey = (organizationId: string) => [...organizationKey(organizationId), 'products'] as const;
const productPath = (organizationId: string, siteId: string, productId: string, rest = '') =>
  organizationPath(organizationId, `/sites/${encodeURIComponent(siteId)}/products/${encodeURIComponent(productId)}${rest}`);

/**
 * The products licensed to the sites the member may act on, with the contract warnings of those
 * sites, a page at a time (`fetchNextPage` loads the next one after the last).
 */
export function useProducts(organizationId: string, filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: [...productsKey(organizationId), 'list', filters],
    queryFn: ({ pageParam }) =>
      apiClient.get<ProductList>(organizationPath(organizationId, `/products${toQueryString({ siteId: filters.siteId, q: filters.q, cursor: pageParam })}`)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One licensed product of a site: entitlement, releases, bulletins, requirements, the agreement in force. */
export function useProductDetail(organizationId: string, siteId: string, productId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...productsKey(organizationId), 'detail', siteId, productId],
    queryFn: () => apiClient.get<ProductDetail>(productPath(organizationId, siteId, productId)),
    enabled,
  });
}

/** The files of the product's current version, or of every version with search and a release filter. */
export function useProductFiles(organizationId: string, siteId: string, productId: string, filters: FileFilters) {
  return useQuery({
    queryKey: [...productsKey(organizationId), 'files', siteId, productId, filters],
    queryFn: () =>
      apiClient.get<FileList>(
        productPath(organizationId, siteId, productId, `/files${toQueryString({ resourceType: filters.resourceType, version: filters.version, q: filters.q, releaseId: filters.releaseId })}`),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Sets or clears the member's own name for a licensed product. */
export function useSetDisplayName(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ siteId, productId, displayName }: { siteId: string; productId: string; displayName: string }) =>
      apiClient.put<DisplayNameResult>(productPath(organizationId, siteId, productId, '/display-name'), { displayName }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsKey(organizationId) }),
  });
}

/** Asks for a signed download link; `acceptAgreementId` records "I agree" first. */
export function useCreateDownloadLink(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ siteId, productId, fileId, body }: { siteId: string; productId: string; fileId: string; body: DownloadLinkBody }) =>
      apiClient.post<DownloadLink>(productPath(organizationId, siteId, productId, `/files/${encodeURIComponent(fileId)}/download-link`), body),
    onSuccess: (_link, { siteId, productId, body }) => {
      // An accepted agreement changes the detail's `agreementAccepted`.
      if (body.acceptAgreementId) void queryClient.invalidateQueries({ queryKey: [...productsKey(organizationId), 'detail', siteId, productId] });
    },
  });
}

/** "Notify my account manager" about a site's contract (optionally naming the product). */
export function useNotifyAccountManager(organizationId: string) {
  return useMutation({
    mutationFn: ({ siteId, productId }: { siteId: string; productId?: string }) =>
      apiClient.post<{ notifiedAt: string }>(organizationPath(organizationId, `/sites/${encodeURIComponent(siteId)}/contract/notify-account-manager`), productId ? { productId } : {}),
  });
}
