import { and, eq } from 'drizzle-orm';
import type { CustomerRole, StaffRole } from '../../../common/permissions';
import { auditEvents, users } from '../../db/schema/index';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { updateOrganization } from '../organizations/organizations.repository';

/** Helpers shared by this module's route tests. */

/** A vendor staff member with a role, signed in at the test clock's time. */
export async function staffMember(t: TestApp, staffRole: StaffRole, overrides: { locale?: 'ko' | 'en' | null } = {}): Promise<SignedIn & { id: string }> {
  const user = await buildUser(t.ctx, { staffRole });
  if (overrides.locale !== undefined) await setLocale(t, user.id, overrides.locale);
  return { ...(await signInAs(t.app, user.email)), id: user.id };
}

/** A member of the organization with a role (and sites, below admin), signed in. */
export async function customer(t: TestApp, organizationId: string, role: CustomerRole, siteIds: string[] = []): Promise<SignedIn> {
  const user = await buildUser(t.ctx);
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds });
  return signInAs(t.app, user.email);
}

/** An organization with one site. */
export async function organizationWithSite(t: TestApp, names: { organization?: string; site?: string } = {}) {
  const organization = await buildOrganization(t.ctx, names.organization ? { name: names.organization } : {});
  const site = await buildSite(t.ctx, { organizationId: organization.id, ...(names.site ? { name: names.site } : {}) });
  return { organization, site, base: `/api/v1/organizations/${organization.id}` };
}

/** Sets a user's saved language (null: unknown). */
export async function setLocale(t: TestApp, userId: string, locale: 'ko' | 'en' | null): Promise<void> {
  await t.database.db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Archives the organization (read-only from then on). */
export async function archive(t: TestApp, organizationId: string): Promise<void> {
  await updateOrganization(t.database.db, organizationId, { archivedAt: t.clock.now() });
}

/** The organization's activity-log events with this action. */
export function eventsFor(t: TestApp, organizationId: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));
}
