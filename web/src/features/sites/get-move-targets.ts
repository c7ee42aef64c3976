import type { FlatSite } from './build-site-tree';

/**
 * The sites a site may be moved under: every other site except its own sub-sites at any depth (the
 * server refuses those with `sites.invalid_parent`). Moving to the top level is always possible.
 */
export function getMoveTargets<T extends FlatSite>(sites: readonly T[], siteId: string): T[] {
  const childrenOf = new Map<string, string[]>();
  for (const site of sites) {
    if (!site.parentId) continue;
    childrenOf.set(site.parentId, [...(childrenOf.get(site.parentId) ?? []), site.id]);
  }
  const excluded = new Set<string>([siteId]);
  const queue = [siteId];
  while (queue.length > 0) {
    for (const child of childrenOf.get(queue.shift()!) ?? []) {
      if (excluded.has(child)) continue;
      excluded.add(child);
      queue.push(child);
    }
  }
  return sites.filter((site) => !excluded.has(site.id));
}
