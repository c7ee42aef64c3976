import type { ContractStanding } from '@common/contracts';
import type {
  CreateEntitlementBody,
  Entitlement,
  OrganizationEntitlements,
  RenewContractBody,
  SiteEntitlements,
  SupportContract,
  UpdateContractBody,
  UpdateEntitlementBody,
} from '@common/schemas/entitlements';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { organizationKey, organizationPath } from '../organizations/organizations.api';

export type { ContractStanding, Entitlement, OrganizationEntitlements, SiteEntitlements, SupportContract };

/** What the contract form sends when it adds a contract (the reference may be empty). */
export interface NewContract {
  scope: 'site' | 'entitlement';
  tier: SupportContract['tier'];
  reference: string;
  startsOn: string;
  endsOn: string;
}

/** A product of the vendor's catalog, as the product picker needs it. */
export interface CatalogProductOption {
  id: string;
  name: string;
  family: { id: string; name: { en: string; ko: string } };
}

const entitlementsKey = (organizationId: string) => [...organizationKey(organizationId), 'entitlements'] as const;
const catalogProductsKey = ['catalog', 'products', 'picker'] as const;

/** Every site of a customer with its support contract, licensed products and their standing now. */
export function useOrganizationEntitlements(organizationId: string) {
  return useQuery({
    queryKey: entitlementsKey(organizationId),
    queryFn: () => apiClient.get<OrganizationEntitlements>(organizationPath(organizationId, '/entitlements')),
  });
}

/** The catalog's products, for choosing what to license; only fetched while the picker is open. */
export function useCatalogProducts(enabled: boolean) {
  return useQuery({
    queryKey: catalogProductsKey,
    queryFn: () => apiClient.get<{ items: CatalogProductOption[] }>('/api/v1/catalog/products'),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * Contract and entitlement changes also change what a site's deletion would take, and what the
 * customer's members see under Products: everything under the organization's key is refreshed.
 */
function useInvalidate(organizationId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: organizationKey(organizationId) });
}

export function useCreateContract(organizationId: string) {
  const onSuccess = useInvalidate(organizationId);
  return useMutation({
    mutationFn: ({ siteId, body }: { siteId: string; body: NewContract }) =>
      apiClient.post<SupportContract>(organizationPath(organizationId, `/sites/${encodeURIComponent(siteId)}/contracts`), body),
    onSuccess,
  });
}

export function useUpdateContract(organizationId: string) {
  const onSuccess = useInvalidate(organizationId);
  return useMutation({
    mutationFn: ({ contractId, body }: { contractId: string; body: UpdateContractBody }) =>
      apiClient.patch<SupportContract>(organizationPath(organizationId, `/contracts/${encodeURIComponent(contractId)}`), body),
    onSuccess,
  });
}

/** Renews a contract to a later end date; the customer's access returns at once. */
export function useRenewContract(organizationId: string) {
  const onSuccess = useInvalidate(organizationId);
  return useMutation({
    mutationFn: ({ contractId, body }: { contractId: string; body: RenewContractBody }) =>
      apiClient.post<SupportContract>(organizationPath(organizationId, `/contracts/${encodeURIComponent(contractId)}/renew`), body),
    onSuccess,
  });
}

export function useDeleteContract(organizationId: string) {
  const onSuccess = useInvalidate(organizationId);
  return useMutation({
    mutationFn: (contractId: string) => apiClient.delete<void>(organizationPath(organizationId, `/contracts/${encodeURIComponent(contractId)}`)),
    onSuccess,
  });
}

export function useCreateEntitlement(organizationId: string) {
  const onSuccess = useInvalidate(organizationId);
  return useMutation({
    mutationFn: ({ siteId, body }: { siteId: string; body: CreateEntitlementBody }) =>
      apiClient.post<Entitlement>(organizationPath(organizationId, `/sites/${encodeURIComponent(siteId)}/entitlements`), body),
    onSuccess,
  });
}

export function useUpdateEntitlement(organizationId: string) {
  const onSuccess = useInvalidate(organizationId);
  return useMutation({
    mutationFn: ({ entitlementId, body }: { entitlementId: string; body: UpdateEntitlementBody }) =>
      apiClient.patch<Entitlement>(organizationPath(organizationId, `/entitlements/${encodeURIComponent(entitlementId)}`), body),
    onSuccess,
  });
}

export function useDeleteEntitlement(organizationId: string) {
  const onSuccess = useInvalidate(organizationId);
  return useMutation({
    mutationFn: (entitlementId: string) => apiClient.delete<void>(organizationPath(organizationId, `/entitlements/${encodeURIComponent(entitlementId)}`)),
    onSuccess,
  });
}
