import type { ReactNode } from 'react';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { PageLoader } from '../../components/page-loader';
import { NoOrganizationState } from './no-organization-state';
import { useOrganization, type Organization, type OrganizationSummary } from './organizations.api';
import { useCurrentOrganization } from './use-current-organization';

interface CurrentOrganizationGateProps {
  /** The page, once the current organization and what the person may do in it are known. */
  children: (organization: Organization, membership: OrganizationSummary) => ReactNode;
}

/** Renders an organization page for the switcher's current organization; the empty state when there is none. */
export function CurrentOrganizationGate({ children }: CurrentOrganizationGateProps) {
  const { current, query } = useCurrentOrganization();
  const organization = useOrganization(current?.id);

  if (query.isError) return <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoader />;
  if (!current) return <NoOrganizationState />;
  if (organization.isError) return <LoadErrorAlert error={organization.error} onRetry={() => void organization.refetch()} />;
  if (!organization.data) return <PageLoader />;
  return children(organization.data, current);
}
