import { CLI_ORIGIN, type ServiceContext } from '../server/platform/context';
import { hashPassword } from '../server/platform/secrets';
import { createApiTokenForEmail } from '../server/modules/tokens/tokens.service';
import { buildMember, buildOrganization, buildSite, buildUser, DEFAULT_PASSWORD } from '../server/test/factories';
import type { CustomerRole } from '../common/permissions';

export interface BenchScale {
  organizations: number;
  sitesPerOrganization: number;
  membersPerOrganization: number;
}

export interface BenchData {
  /** A bearer token of a member of the first organization. */
  token: string;
  email: string;
  users: number;
}

const ROLES: CustomerRole[] = ['owner', 'admin', 'super', 'support', 'download', 'operator', 'viewer'];

/**
 * Fills the database at scale with the same factories the tests use. Every user shares one
 * precomputed argon2id hash of DEFAULT_PASSWORD, so generation is not bound by password hashing.
 */
export async function generateBenchData(ctx: ServiceContext, scale: BenchScale): Promise<BenchData> {
  const passwordHash = await hashPassword(DEFAULT_PASSWORD);
  let firstEmail = '';
  let users = 0;
  for (let o = 0; o < scale.organizations; o += 1) {
    await ctx.db.transaction(async (db) => {
      const tx = { ...ctx, db };
      const organization = await buildOrganization(tx, { name: `Bench organization ${o}` });
      const siteIds: string[] = [];
      for (let s = 0; s < scale.sitesPerOrganization; s += 1) siteIds.push((await buildSite(tx, { organizationId: organization.id, name: `Site ${s}` })).id);
      for (let m = 0; m < scale.membersPerOrganization; m += 1) {
        const user = await buildUser(tx, { email: `bench-${o}-${m}@example.com`, name: `Bench ${o}-${m}`, passwordHash });
        await buildMember(tx, { organizationId: organization.id, userId: user.id, role: ROLES[m % ROLES.length]!, siteIds: siteIds.slice(0, 1 + (m % siteIds.length)) });
        if (!firstEmail) firstEmail = user.email;
        users += 1;
      }
    });
  }
  const { token } = await createApiTokenForEmail(ctx, firstEmail, 'bench', CLI_ORIGIN);
  return { token, email: firstEmail, users };
}
