import { describe, expect, it } from 'vitest';
import { buildSiteTree, flattenSiteTree, getSitePaths, type FlatSite, type SiteNode } from './build-site-tree';

const site = (id: string, name: string, parentId: string | null = null): FlatSite => ({ id, name, parentId });

/** The tree as nested names, easy to compare. */
const shape = (nodes: SiteNode[]): unknown[] => nodes.map((node) => (node.children.length ? { [node.site.name]: shape(node.children) } : node.site.name));

describe('buildSiteTree', () => {
  it('nests sub-sites under their parents, siblings by name, whatever the input order', () => {
    const tree = buildSiteTree([site('c', 'Line A', 'b'), site('b', 'Plant 1', 'a'), site('d', 'Busan'), site('a', 'Seoul'), site('e', 'Plant 0', 'a')]);
    expect(shape(tree)).toEqual(['Busan', { Seoul: ['Plant 0', { 'Plant 1': ['Line A'] }] }]);
    expect(flattenSiteTree(tree).map((node) => [node.site.name, node.depth])).toEqual([
      ['Busan', 0],
      ['Seoul', 0],
      ['Plant 0', 1],
      ['Plant 1', 1],
      ['Line A', 2],
    ]);
  });

  it('puts a site whose parent is not in the list at the top level', () => {
    expect(shape(buildSiteTree([site('b', 'Plant 1', 'hidden'), site('c', 'Line A', 'b')]))).toEqual([{ 'Plant 1': ['Line A'] }]);
  });

  it('shows every site once even when the data holds a loop', () => {
    const tree = buildSiteTree([site('a', 'A', 'b'), site('b', 'B', 'a'), site('s', 'Self', 's')]);
    const names = flattenSiteTree(tree).map((node) => node.site.name);
    expect(names.sort()).toEqual(['A', 'B', 'Self']);
  });

  it('is empty for no sites', () => {
    expect(buildSiteTree([])).toEqual([]);
  });
});

describe('getSitePaths', () => {
  it('writes each site with its parents', () => {
    const paths = getSitePaths([site('a', 'Seoul'), site('b', 'Plant 1', 'a'), site('c', 'Line A', 'b')]);
    expect(paths.get('c')).toBe('Seoul / Plant 1 / Line A');
    expect(paths.get('a')).toBe('Seoul');
  });
});
