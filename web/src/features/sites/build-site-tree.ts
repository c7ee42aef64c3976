/** The fields of a site the tree needs. */
export interface FlatSite {
  id: string;
  name: string;
  parentId: string | null;
}

/** A site with its sub-sites, and how deep it sits (0 for a top-level site). */
export interface SiteNode<T extends FlatSite = FlatSite> {
  site: T;
  depth: number;
  children: SiteNode<T>[];
}

const byName = (a: SiteNode, b: SiteNode) => a.site.name.localeCompare(b.site.name) || a.site.id.localeCompare(b.site.id);

/**
 * Builds the site tree from the flat list the API gives, siblings by name. A site whose parent is
 * not in the list (one the person cannot see) shows at the top level; a loop in the data is broken
 * by putting its first site at the top level, so every site appears exactly once.
 */
export function buildSiteTree<T extends FlatSite>(sites: readonly T[]): SiteNode<T>[] {
  const nodes = new Map<string, SiteNode<T>>(sites.map((site) => [site.id, { site, depth: 0, children: [] }]));
  const roots: SiteNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.site.parentId ? nodes.get(node.site.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }

  const placed = new Set<string>();
  const place = (node: SiteNode<T>, depth: number) => {
    placed.add(node.site.id);
    node.depth = depth;
    node.children = node.children.filter((child) => !placed.has(child.site.id)).sort(byName);
    for (const child of node.children) place(child, depth + 1);
  };
  roots.sort(byName).forEach((root) => place(root, 0));
  // Sites on a loop are not reachable from a root: lift one of each loop to the top level.
  for (const node of nodes.values()) {
    if (placed.has(node.site.id)) continue;
    roots.push(node);
    place(node, 0);
  }
  return roots;
}

/** The tree as a list in reading order (each site before its sub-sites), for selects and flat views. */
export function flattenSiteTree<T extends FlatSite>(tree: readonly SiteNode<T>[]): SiteNode<T>[] {
  return tree.flatMap((node) => [node, ...flattenSiteTree(node.children)]);
}

/** Each site's full path (`Seoul / Plant 1 / Line A`), by id, for labels where the tree is not shown. */
export function getSitePaths(sites: readonly FlatSite[], separator = ' / '): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (nodes: readonly SiteNode[], prefix: string) => {
    for (const node of nodes) {
      const path = prefix ? `${prefix}${separator}${node.site.name}` : node.site.name;
      paths.set(node.site.id, path);
      walk(node.children, path);
    }
  };
  walk(buildSiteTree(sites), '');
  return paths;
}
