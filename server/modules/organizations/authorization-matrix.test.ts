import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_ROLES, STAFF_ROLES, STAFF_ROLE_PERMISSIONS, type CustomerRole, type StaffRole } from '../../../common/permissions';
import { invitations } from '../../db/schema/index';
import { hashToken, randomToken } from '../../platform/secrets';
import type { DeclaredRoute } from '../../platform/http/auth-plugin';
import { buildCase } from '../../test/case-factories';
import { buildContract, buildEntitlement } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { canOnOrganization, canOnSite, canSeeOrganization, type OrganizationStanding } from './organizations.policy';
import { SCOPED_PARAMS } from './organization-access';

/**
 * The authorization matrix: every operation of /api/v1/openapi.json is called as each customer role
 * of organization A and each vendor staff role, against A's resources and B's, and the answer is
 * checked against the permission the route declares. Requests carry x-atrium-authorize-only, so a
 * route that authorizes answers 204 without doing anything. New routes are covered with nothing to add.
 */
interface Fixture { organizationId: string; siteId: string; memberId: string; invitationId: string; contractId: string; entitlementId: string; caseId: string }
type Actor = { label: string; client: SignedIn; memberRole: CustomerRole | null; staffRole: StaffRole | null };

let t: TestApp;
const fixtures: Record<'A' | 'B', Fixture> = {} as never;
const actors: Actor[] = [];
let operations: { method: string; openapiPath: string; route: DeclaredRoute | undefined }[] = [];

async function buildFixture(name: string): Promise<Fixture> {
  const organization = await buildOrganization(t.ctx, { name });
  const site = await buildSite(t.ctx, { organizationId: organization.id, name: `${name} site` });
  const member = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer', siteIds: [site.id] });
  const [invitation] = await t.database.db
    .insert(invitations)
    .values({ organizationId: organization.id, email: `invitee-${randomUUID()}@example.com`, role: 'viewer', tokenHash: hashToken(randomToken()), expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id });
  const entitlement = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id });
  const supportCase = await buildCase(t.ctx, { organizationId: organization.id, siteId: site.id });
  return { organizationId: organization.id, siteId: site.id, memberId: member.id, invitationId: invitation!.id, contractId: contract.id, entitlementId: entitlement.id, caseId: supportCase.id };
}

const toFastifyPath = (openapiPath: string) => openapiPath.replace(/\{(\w+)\}/g, ':$1');

beforeAll(async () => {
  t = await buildTestApp({ dryRunAuthorization: true });
  fixtures.A = await buildFixture('A');
  fixtures.B = await buildFixture('B');
  for (const role of CUSTOMER_ROLES) {
    const user = await buildUser(t.ctx, { email: `${role}@a.example` });
    await buildMember(t.ctx, { organizationId: fixtures.A.organizationId, userId: user.id, role, siteIds: [fixtures.A.siteId] });
    actors.push({ label: `customer ${role}`, client: await signInAs(t.app, user.email), memberRole: role, staffRole: null });
  }
  for (const staffRole of STAFF_ROLES) {
    const user = await buildUser(t.ctx, { email: `${staffRole}@vendor.example`, staffRole });
    actors.push({ label: `staff ${staffRole}`, client: await signInAs(t.app, user.email), memberRole: null, staffRole });
  }
  const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/v1'))
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({
        method: method.toUpperCase(),
        openapiPath: path,
        route: t.app.declaredRoutes.find((r) => r.method === method.toUpperCase() && r.url === toFastifyPath(path)),
      })),
    );
});
afterAll(async () => {
  await t?.close();
});

function urlFor(openapiPath: string, fixture: Fixture): string {
  return openapiPath.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (name === 'organizationId') return fixture.organizationId;
    if ((SCOPED_PARAMS as readonly string[]).includes(name)) return fixture[name as keyof Fixture];
    return randomUUID();
  });
}

/** What the policy says this actor should get from a permission route on this organization's resources. */
function expectedStatus(actor: Actor, route: DeclaredRoute & { access: { permission: never } }, path: string, org: 'A' | 'B'): number {
  const permission = route.access.permission;
  if (!path.includes('{organizationId}')) {
    return actor.staffRole && STAFF_ROLE_PERMISSIONS[actor.staffRole].includes(permission) ? 204 : 403;
  }
  const standing: OrganizationStanding = { staffRole: actor.staffRole, memberRole: org === 'A' ? actor.memberRole : null, siteIds: org === 'A' ? [fixtures.A.siteId] : [] };
  if (!canSeeOrganization(standing)) return 404;
  const allowed = path.includes('{siteId}') ? canOnSite(standing, permission, fixtures[org].siteId) : canOnOrganization(standing, permission);
  return allowed ? 204 : 403;
}

describe('the authorization matrix over every API operation', () => {
  it('finds operations to check, each with a declared access', () => {
    expect(operations.length).toBeGreaterThan(20);
    const undeclared = operations.filter((o) => !o.route).map((o) => `${o.method} ${o.openapiPath}`);
    expect(undeclared).toEqual([]);
  });

  it('declares a permission on every route that works on one organization', () => {
    const loose = operations.filter((o) => o.openapiPath.includes('{organizationId}') && typeof o.route?.access !== 'object').map((o) => `${o.method} ${o.openapiPath}`);
    expect(loose).toEqual([]);
  });

  it('answers 401 to every non-public operation without a session', async () => {
    const failures: string[] = [];
    for (const { method, openapiPath, route } of operations) {
      if (!route || route.access === 'public') continue;
      const response = await t.app.inject({ method: method as 'GET', url: urlFor(openapiPath, fixtures.A), headers: { 'x-atrium-authorize-only': '1' } });
      if (response.statusCode !== 401) failures.push(`${method} ${openapiPath}: ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives every role exactly what its permissions allow, and 404 for another organization it cannot see', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { method, openapiPath, route } of operations) {
      if (!route || typeof route.access !== 'object') continue;
      for (const actor of actors) {
        for (const org of ['A', 'B'] as const) {
          const expected = expectedStatus(actor, route as never, openapiPath, org);
          const response = await t.app.inject({
            method: method as 'GET',
            url: urlFor(openapiPath, fixtures[org]),
            headers: { cookie: actor.client.cookie, 'x-csrf-token': actor.client.csrfToken, 'x-atrium-authorize-only': '1' },
          });
          checked += 1;
          if (response.statusCode !== expected) failures.push(`${actor.label} ${method} ${openapiPath} on ${org}: expected ${expected}, got ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    // Every operation × 11 actors × 2 organizations, one request at a time: minutes on a busy machine.
  }, 180_000);
});
