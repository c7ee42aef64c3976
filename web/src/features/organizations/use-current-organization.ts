import { useOrganizations, useSelectOrganization, type OrganizationSummary } from './organizations.api';

/**
 * The organization the portal's pages are about: the one last chosen in the switcher (remembered on
 * the server), else the first of the person's organizations; null when they belong to none. The
 * query cache holds the choice, so every component that asks agrees, and a switch applies everywhere.
 */
export function useCurrentOrganization({ enabled = true }: { enabled?: boolean } = {}) {
  const organizations = useOrganizations({ enabled });
  const select = useSelectOrganization();
  const items: OrganizationSummary[] = organizations.data?.items ?? [];
  const current = items.find((organization) => organization.id === organizations.data?.lastOrganizationId) ?? items[0] ?? null;
  return {
    organizations: items,
    current,
    /** The list's query, for its loading and error states. */
    query: organizations,
    select: (organizationId: string) => select.mutate(organizationId),
  };
}
