import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceContext, type ServiceContext } from '../../platform/context';
import type { Database } from '../../platform/db';
import { createFileSystemBlobStore } from '../../platform/storage';
import { buildCase } from '../../test/case-factories';
import { buildOrganization, buildSite } from '../../test/factories';
import { TEST_CONFIG } from '../../test/test-app';
import { createTestDatabase } from '../../test/test-database';
import { foldCaseCountChanges } from './case-counts.repository';

let database: Database;
let ctx: ServiceContext;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = createServiceContext(database, { config: TEST_CONFIG, blobs: createFileSystemBlobStore(path.join(tmpdir(), 'atrium-case-counts-test-files')) });
});
afterAll(async () => {
  await database?.close();
});

type Counts = Record<string, number>;

/** The kept counts of an organization as a list reads them (`site/status` → n), zeros left out. */
async function keptCounts(organizationId: string): Promise<Counts> {
  const rows = await database.raw<{ site_id: string; status: string; n: number }>(
    `select site_id, status, sum(n)::int as n
       from (select site_id, status, n from case_counts where organization_id = $1
             union all
             select site_id, status, change from case_count_changes where organization_id = $1) x
      group by 1, 2 having sum(n) <> 0`,
    [organizationId],
  );
  return Object.fromEntries(rows.map((r) => [`${r.site_id}/${r.status}`, r.n]));
}

/** The same counts, counted from the cases themselves. */
async function countedCounts(organizationId: string): Promise<Counts> {
  const rows = await database.raw<{ site_id: string; status: string; n: number }>(
    `select site_id, status, count(*)::int as n from cases where organization_id = $1 group by 1, 2`,
    [organizationId],
  );
  return Object.fromEntries(rows.map((r) => [`${r.site_id}/${r.status}`, r.n]));
}

const pendingChanges = async () => (await database.raw<{ n: number }>('select count(*)::int as n from case_count_changes'))[0]!.n;

describe('the case counts the database keeps', () => {
  it('follow cases inserted one by one and many at once, moved to another status or site, and deleted, and a fold keeps them', async () => {
    const organization = await buildOrganization(ctx);
    const siteA = await buildSite(ctx, { organizationId: organization.id });
    const siteB = await buildSite(ctx, { organizationId: organization.id });
    const first = await buildCase(ctx, { organizationId: organization.id, siteId: siteA.id, status: 'new' });
    const second = await buildCase(ctx, { organizationId: organization.id, siteId: siteA.id, status: 'closed' });
    await buildCase(ctx, { organizationId: organization.id, siteId: siteB.id, status: 'answered' });
    expect(await keptCounts(organization.id)).toEqual({ [`${siteA.id}/new`]: 1, [`${siteA.id}/closed`]: 1, [`${siteB.id}/answered`]: 1 });

    // Many cases in one statement (as a restore or an import writes them).
    await database.raw(
      `insert into cases (organization_id, site_id, category, subject, description, language, status)
       select $1, case when i % 2 = 0 then $2::uuid else $3::uuid end, 'technical_support', 'Bulk ' || i, 'x', 'en', case when i % 3 = 0 then 'closed' else 'researching' end
         from generate_series(1, 30) i`,
      [organization.id, siteA.id, siteB.id],
    );
    expect(await keptCounts(organization.id)).toEqual(await countedCounts(organization.id));

    await database.raw(`update cases set status = 'answered' where id = $1`, [first.id]);
    await database.raw(`update cases set site_id = $2 where id = $1`, [second.id, siteB.id]);
    // A change that moves nothing (the status written again, another column) writes no change row.
    const before = await pendingChanges();
    await database.raw(`update cases set status = status, subject = 'Renamed' where organization_id = $1`, [organization.id]);
    expect(await pendingChanges()).toBe(before);
    expect(await keptCounts(organization.id)).toEqual(await countedCounts(organization.id));

    const { folded } = await foldCaseCountChanges(ctx.db);
    expect(folded).toBeGreaterThan(0);
    expect(await pendingChanges()).toBe(0);
    expect(await keptCounts(organization.id)).toEqual(await countedCounts(organization.id));

    // Deleted cases (one, then the rest at once) leave no count behind, and the fold drops the zeros.
    await database.raw(`delete from cases where id = $1`, [first.id]);
    expect(await keptCounts(organization.id)).toEqual(await countedCounts(organization.id));
    await database.raw(`delete from cases where organization_id = $1`, [organization.id]);
    expect(await keptCounts(organization.id)).toEqual({});
    await foldCaseCountChanges(ctx.db);
    const rows = await database.raw<{ n: number }>('select count(*)::int as n from case_counts where organization_id = $1', [organization.id]);
    expect(rows[0]!.n).toBe(0);
  });

  it('are emptied with the cases by a TRUNCATE', async () => {
    const scratch = await createTestDatabase();
    try {
      const scratchCtx = createServiceContext(scratch, { config: TEST_CONFIG, blobs: ctx.blobs });
      await buildCase(scratchCtx, { status: 'new' });
      await foldCaseCountChanges(scratchCtx.db);
      await buildCase(scratchCtx, { status: 'closed' });
      await scratch.raw('truncate cases cascade');
      const [left] = await scratch.raw<{ n: number }>('select (select count(*) from case_counts) + (select count(*) from case_count_changes) as n');
      expect(Number(left!.n)).toBe(0);
    } finally {
      await scratch.close();
    }
  });

  it('stay exact when folds run side by side with each other and with new cases', async () => {
    const organization = await buildOrganization(ctx);
    const site = await buildSite(ctx, { organizationId: organization.id });
    const writes = Array.from({ length: 20 }, (_, i) => buildCase(ctx, { organizationId: organization.id, siteId: site.id, status: i % 2 ? 'new' : 'closed' }));
    const folds = Array.from({ length: 5 }, () => foldCaseCountChanges(ctx.db));
    await Promise.all([...writes, ...folds]);
    expect(await keptCounts(organization.id)).toEqual({ [`${site.id}/new`]: 10, [`${site.id}/closed`]: 10 });
    await foldCaseCountChanges(ctx.db);
    expect(await pendingChanges()).toBe(0);
    expect(await keptCounts(organization.id)).toEqual({ [`${site.id}/new`]: 10, [`${site.id}/closed`]: 10 });
  });
});
