import { useOrganization } from '../organizations/organizations.api';
import { useCurrentOrganization } from '../organizations/use-current-organization';
import type { Face, NavItem } from './nav-item';

/**
 * The navbar entries the person may use: in the portal, an entry that `requires` a permission shows
 * only when the current organization grants it (and not while that is still loading).
 */
export function useVisibleNavItems(face: Face, items: NavItem[]): NavItem[] {
  const isPortal = face === 'portal' && items.some((item) => item.requires);
  const { current } = useCurrentOrganization({ enabled: isPortal });
  const organization = useOrganization(isPortal ? current?.id : null);
  const abilities: readonly string[] = organization.data?.abilities ?? [];
  return items.filter((item) => !item.requires || abilities.includes(item.requires));
}
