import { useMe } from '../auth/auth.api';
import { useOrganization } from '../organizations/organizations.api';
import { useCurrentOrganization } from '../organizations/use-current-organization';
import { listConsoleNavItems } from './console-nav-items';
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
  if (face === 'console') return listConsoleNavItems(me.data, items);
  const abilities: readonly string[] = organization.data?.abilities ?? [];
  return items.filter((item) => !item.requires || abilities.includes(item.requires));
}
