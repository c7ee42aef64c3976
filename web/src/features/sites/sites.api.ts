import type { CreateSiteBody, Site, SiteImpact, SiteImpactItem, SiteTree, SiteTreeItem, UpdateSiteBody } from '@common/schemas/organizations';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { organizationKey, organizationPath } from '../organizations/organizations.api';

export type { SiteImpact, SiteImpactItem, SiteTreeItem };

const sitesKey = (organizationId: string) => [...organizationKey(organizationId), 'sites'] as const;
const impactKey = (organizationId: string, siteId: string) => [...sitesKey(organizationId), 'impact', siteId] as const;
const sitePath = (organizationId: string, siteId: string, rest = '') => organizationPath(organizationId, `/sites/${encodeURIComponent(siteId)}${rest}`);

/** Every site of the organization, flat; `buildSiteTree` makes the tree. */
export function useSites(organizationId: string) {
  return useQuery({
    queryKey: sitesKey(organizationId),
    queryFn: () => apiClient.get<SiteTree>(organizationPath(organizationId, '/sites')),
  });
}

/**
 * Site changes also change who may act where, so the organization's members (and their site
 * lists) are refreshed along with the sites.
 */
function useInvalidateSites(organizationId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: sitesKey(organizationId) });
    void queryClient.invalidateQueries({ queryKey: [...organizationKey(organizationId), 'members'] });
  };
}

export function useCreateSite(organizationId: string) {
  const invalidate = useInvalidateSites(organizationId);
  return useMutation({
    mutationFn: (body: CreateSiteBody) => apiClient.post<Site>(organizationPath(organizationId, '/sites'), body),
    onSuccess: invalidate,
  });
}

/** Renames a site or moves it under another parent (`parentId: null` for the top level). */
export function useUpdateSite(organizationId: string) {
  const invalidate = useInvalidateSites(organizationId);
  return useMutation({
    mutationFn: ({ siteId, body }: { siteId: string; body: UpdateSiteBody }) => apiClient.patch<Site>(sitePath(organizationId, siteId), body),
    onSuccess: invalidate,
  });
}

/** What deleting the site would take with it: sub-sites, members' access, holdings. */
export function useSiteImpact(organizationId: string, siteId: string | null) {
  return useQuery({
    queryKey: impactKey(organizationId, siteId ?? ''),
    queryFn: () => apiClient.get<SiteImpact>(sitePath(organizationId, siteId ?? '', '/impact')),
    enabled: Boolean(siteId),
    staleTime: 0,
  });
}

/** Deletes a site with everything its impact listed (the caller has shown it and had it confirmed). */
export function useDeleteSite(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (siteId: string) => apiClient.delete<void>(sitePath(organizationId, siteId, '?confirm=true')),
    onSuccess: (_, siteId) => {
      // The deleted site's impact is on screen until its dialog closes: not asked for again (it would answer 404).
      const gone = impactKey(organizationId, siteId);
      void queryClient.invalidateQueries({ queryKey: sitesKey(organizationId), predicate: (query) => !isSameKey(query.queryKey, gone) });
      void queryClient.invalidateQueries({ queryKey: [...organizationKey(organizationId), 'members'] });
    },
  });
}

const isSameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((part, index) => part === b[index]);
