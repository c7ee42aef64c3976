import type { Face } from '../shell/nav-item';
import { useCurrentOrganization } from '../organizations/use-current-organization';
import type { SearchScope } from './search.api';

/** Where a face searches: the portal in the switcher's current organization, the console everywhere. */
export function useSearchScope(face: Face): SearchScope {
  const { current } = useCurrentOrganization({ enabled: face === 'portal' });
  return { face, organizationId: face === 'portal' ? (current?.id ?? null) : null };
}
