import { describe, expect, it } from 'vitest';
import type { FlatSite } from './build-site-tree';
import { getMoveTargets } from './get-move-targets';

const sites: FlatSite[] = [
  { id: 'seoul', name: 'Seoul', parentId: null },
  { id: 'plant1', name: 'Plant 1', parentId: 'seoul' },
  { id: 'lineA', name: 'Line A', parentId: 'plant1' },
  { id: 'lineB', name: 'Line B', parentId: 'plant1' },
  { id: 'plant2', name: 'Plant 2', parentId: 'seoul' },
  { id: 'busan', name: 'Busan', parentId: null },
];

const ids = (list: FlatSite[]) => list.map((site) => site.id);

describe('getMoveTargets', () => {
  it('leaves out the site itself and all its sub-sites', () => {
    expect(ids(getMoveTargets(sites, 'plant1'))).toEqual(['seoul', 'plant2', 'busan']);
    expect(ids(getMoveTargets(sites, 'seoul'))).toEqual(['busan']);
  });

  it('offers every other site for a site without sub-sites', () => {
    expect(ids(getMoveTargets(sites, 'lineA'))).toEqual(['seoul', 'plant1', 'lineB', 'plant2', 'busan']);
  });

  it('stops on a loop in the data', () => {
    const looped: FlatSite[] = [
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
      { id: 'c', name: 'C', parentId: null },
    ];
    expect(ids(getMoveTargets(looped, 'a'))).toEqual(['c']);
  });
});
