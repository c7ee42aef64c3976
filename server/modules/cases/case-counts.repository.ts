import { sql, type SQL } from 'drizzle-orm';
import type { CaseStatus } from '../../../common/cases';
import type { Db } from '../../platform/db';
import { uuidArray } from '../../platform/sql-arrays';

/**
 * The case counts the database keeps (`case_counts` plus the `case_count_changes` its triggers
 * append; see the schema). Folding moves the changes into the counts; a count read sums both, so
 * it is the same before and after a fold.
 */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The kept counts as rows (`status`, `n`) of a subquery: the folded counts and the changes not yet
 * folded, each filtered by `where` (given the table's alias; both tables have `organization_id`,
 * `site_id` and `status`). Summed, by status or in all, they are the number of cases.
 */
export function keptCaseCountRows(where: (alias: string) => SQL): SQL {
  return sql`(select cc.status, cc.n from case_counts cc where ${where('cc')}
              union all
              select ch.status, ch.change from case_count_changes ch where ${where('ch')})`;
}

/**
 * The number of cases in some statuses, of an organization (null: every one) and on some of its
 * sites (null: all), read from the kept counts: a scalar SQL expression, a few rows a site whatever
 * the number of cases.
 */
export function keptCaseCount(organizationId: string | null, siteIds: readonly string[] | null, statuses: readonly CaseStatus[]): SQL {
  const where = (alias: string) => {
    const a = sql.raw(alias);
    const conditions = [sql`${a}.status = any(${`{${statuses.join(',')}}`}::text[])`];
    if (organizationId !== null) conditions.push(sql`${a}.organization_id = ${organizationId}::uuid`);
    if (siteIds !== null) conditions.push(sql`${a}.site_id = any(${uuidArray(siteIds)})`);
    return sql.join(conditions, sql` and `);
  };
  return sql`(select coalesce(sum(x.n), 0)::int from ${keptCaseCountRows(where)} x)`;
}

/** How often each server folds the changes: often enough that a list reads a few dozen rows, not thousands. */
export const CASE_COUNTS_FOLD_EVERY_MS = 5_000;

/**
 * Folds every change made so far into `case_counts`, in one transaction, and drops the counts
 * that fell to zero (an organization's, once it is deleted). One server folds at a time: another
 * finding the lock taken skips its turn, so two folds never wait on each other's rows.
 */
export async function foldCaseCountChanges(db: Db): Promise<{ folded: number }> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('case_counts_fold')) as locked`));
    if (!lock?.locked) return { folded: 0 };
    const [result] = rowsOf<{ folded: number }>(
      await tx.execute(sql`
        with moved as (
          delete from case_count_changes returning organization_id, site_id, status, change
        ),
        summed as (
          select organization_id, site_id, status, sum(change)::int as n from moved group by 1, 2, 3
        ),
        added as (
          insert into case_counts as c (organization_id, site_id, status, n)
          select organization_id, site_id, status, n from summed
          on conflict (organization_id, site_id, status) do update set n = c.n + excluded.n
        )
        select count(*)::int as folded from moved`),
    );
    if (result!.folded > 0) await tx.execute(sql`delete from case_counts where n = 0`);
    return { folded: result!.folded };
  });
}
