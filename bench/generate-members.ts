import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../server/platform/db';
import type { BenchScale } from './generate';

/** A version-4-shaped uuid from the md5 of a SQL text expression (the API's schemas check the version). */
const id = (expression: string) => sql.raw(`overlay(overlay(md5(${expression}) placing '4' from 13) placing '8' from 17)::uuid`);

/**
 * Organizations, sites, users and members in a few set-based statements, for scales where the
 * factories (several round trips per member) would take too long: 50,000 members in seconds.
 * The rows are those bench/generate.ts makes with the factories: `bench-<o>-<m>@example.com`
 * ("Bench <o>-<m>") is member m of "Bench organization <o>", roles in turn from owner, with the
 * first 1 + (m mod sites) sites, all sharing one password hash. Ids are derived from the names
 * (an md5 shaped as a version 4 uuid) so the statements can refer to each other without reading
 * anything back.
 */
export async function generateMembersInBulk(db: Db, scale: BenchScale, passwordHash: string): Promise<{ users: number; email: string; organizationId: string }> {
  const orgs = scale.organizations;
  const sitesPer = scale.sitesPerOrganization;
  const membersPer = scale.membersPerOrganization;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into organizations (id, name)
      select ${id("'bench-org-' || o")}, 'Bench organization ' || o from generate_series(0, ${orgs - 1}::int) o`);
    await tx.execute(sql`
      insert into sites (id, organization_id, name)
      select ${id("'bench-site-' || o || '-' || s")}, ${id("'bench-org-' || o")}, 'Site ' || s
      from generate_series(0, ${orgs - 1}::int) o, generate_series(0, ${sitesPer - 1}::int) s`);
    await tx.execute(sql`
      insert into users (id, email, name, password_hash, email_verified_at)
      select ${id("'bench-user-' || o || '-' || m")}, 'bench-' || o || '-' || m || '@example.com', 'Bench ' || o || '-' || m, ${passwordHash}, now()
      from generate_series(0, ${orgs - 1}::int) o, generate_series(0, ${membersPer - 1}::int) m`);
    await tx.execute(sql`
      insert into members (id, organization_id, user_id, role)
      select ${id("'bench-member-' || o || '-' || m")}, ${id("'bench-org-' || o")}, ${id("'bench-user-' || o || '-' || m")},
             (array['owner', 'admin', 'super', 'support', 'download', 'operator', 'viewer'])[1 + m % 7]
      from generate_series(0, ${orgs - 1}::int) o, generate_series(0, ${membersPer - 1}::int) m`);
    await tx.execute(sql`
      insert into member_sites (member_id, site_id)
      select ${id("'bench-member-' || o || '-' || m")}, ${id("'bench-site-' || o || '-' || s")}
      from generate_series(0, ${orgs - 1}::int) o, generate_series(0, ${membersPer - 1}::int) m, generate_series(0, ${sitesPer - 1}::int) s
      where s <= m % ${sitesPer}::int`);
  });
  for (const table of ['organizations', 'sites', 'users', 'members', 'member_sites']) await db.execute(sql.raw(`analyze ${table}`));
  return { users: orgs * membersPer, email: 'bench-0-0@example.com', organizationId: benchOrganizationId(0) };
}

/** The id generateMembersInBulk gives organization `o`, as PostgreSQL spells it. */
export function benchOrganizationId(o: number): string {
  const hex = createHash('md5').update(`bench-org-${o}`).digest('hex');
  const shaped = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${shaped.slice(0, 8)}-${shaped.slice(8, 12)}-${shaped.slice(12, 16)}-${shaped.slice(16, 20)}-${shaped.slice(20)}`;
}
