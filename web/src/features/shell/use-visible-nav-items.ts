import { useMe } from '../auth/auth.api';
import { staffCan } from '../auth/use-staff-can';
import { useOrganization } from '../organizations/organizations.api';
import { useCurrentOrganization } from '../organizations/use-current-organization';
import type { Face, NavItem } from './nav-item';

/**
 * The navbar entries the person may use: an entry that `requires` a permission shows only when the
 * current organization grants it (portal; not while that is still loading) or the person's staff
 * role includes it (console).
 */
export function useVisibleNavItems(face: Face, items: NavItem[]): NavItem[] {
  const isPortal = face === 'portal' && items.some((item) => item.requires);
  const { current } = useCurrentOrganization({ enabled: isPortal });
  const organization = useOrganization(isPortal ? current?.id : null);
  const me = useMe();
  if (face === 'console') return items.filter((item) => !item.requires || staffCan(me.data, item.requires));
  const abilities: readonly string[] = organization.data?.abilities ?? [];
  return items.filter((item) => !item.requires || abilities.includes(item.requires));
}
