import type { Readable } from 'node:stream';
import type { CustomerRole, StaffRole } from '../../../common/permissions';
import type { CaseStatus } from '../../../common/cases';
import { updateOrganization } from '../organizations/organizations.repository';
import { buildCase } from '../../test/case-factories';
import { buildContract } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { signInAs, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * A case to talk about, for the feed, attachment, link and email tests: an organization with two
 * sites, a requester (support member of site A), an assigned engineer, and the account team.
 */
export interface CaseScenario {
  organizationId: string;
  siteA: { id: string; name: string };
  siteB: { id: string; name: string };
  caseId: string;
  caseNumber: number;
  /** `/api/v1/organizations/<org>/cases/<case>` */
  base: string;
  requester: SignedIn & { name: string };
  engineer: SignedIn & { name: string };
  accountManager: { id: string; name: string; email: string };
  successManager: { id: string; name: string; email: string };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

/** A user signed in through the API, with their name. */
export async function signInUser(t: TestApp, overrides: { name?: string; staffRole?: StaffRole; email?: string } = {}): Promise<SignedIn & { name: string }> {
  const user = await buildUser(t.ctx, { name: overrides.name ?? `Person ${unique()}`, ...(overrides.staffRole ? { staffRole: overrides.staffRole } : {}), ...(overrides.email ? { email: overrides.email } : {}) });
  return { ...(await signInAs(t.app, user.email)), name: user.name };
}

/** A member of the organization, signed in. */
export async function signInCaseMember(t: TestApp, organizationId: string, role: CustomerRole, siteIds: string[] = [], name?: string): Promise<SignedIn & { name: string }> {
  const user = await buildUser(t.ctx, { name: name ?? `Member ${unique()}` });
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds });
  return { ...(await signInAs(t.app, user.email)), name: user.name };
}

/** Sets a user's language (null: none saved). */
export async function setLocale(t: TestApp, userId: string, locale: 'ko' | 'en' | null): Promise<void> {
  await t.database.raw('update users set locale = $1 where id = $2', [locale, userId]);
}

/** Builds the scenario; the case is in `status` (new by default), assigned to the engineer. */
export async function buildCaseScenario(
  t: TestApp,
  options: { status?: CaseStatus; language?: 'ko' | 'en'; subject?: string; requesterName?: string; engineerName?: string } = {},
): Promise<CaseScenario> {
  const organization = await buildOrganization(t.ctx);
  const siteA = await buildSite(t.ctx, { organizationId: organization.id, name: `Site A ${unique()}` });
  const siteB = await buildSite(t.ctx, { organizationId: organization.id, name: `Site B ${unique()}` });
  await buildContract(t.ctx, { organizationId: organization.id, siteId: siteA.id });
  const requester = await signInCaseMember(t, organization.id, 'support', [siteA.id], options.requesterName);
  const engineer = await signInUser(t, { staffRole: 'support_engineer', name: options.engineerName ?? `Engineer ${unique()}` });
  const accountManager = await buildUser(t.ctx, { staffRole: 'account_manager', name: `Account Manager ${unique()}` });
  const successManager = await buildUser(t.ctx, { staffRole: 'account_manager', name: `Success Manager ${unique()}` });
  await updateOrganization(t.ctx.db, organization.id, { accountManagerId: accountManager.id, successManagerId: successManager.id });
  const row = await buildCase(t.ctx, {
    organizationId: organization.id,
    siteId: siteA.id,
    requesterId: requester.userId,
    assigneeId: engineer.userId,
    status: options.status ?? 'new',
    language: options.language ?? 'en',
    subject: options.subject ?? `Pump station ${unique()} stopped`,
  });
  await t.database.raw(`insert into case_subscriptions (case_id, user_id, reason) values ($1, $2, 'assignee') on conflict do nothing`, [row.id, engineer.userId]);
  return {
    organizationId: organization.id,
    siteA,
    siteB,
    caseId: row.id,
    caseNumber: row.number,
    base: `/api/v1/organizations/${organization.id}/cases/${row.id}`,
    requester,
    engineer,
    accountManager: { id: accountManager.id, name: accountManager.name, email: accountManager.email },
    successManager: { id: successManager.id, name: successManager.name, email: successManager.email },
  };
}

/** Opens a case on site A through the API as `client`; returns its id and number. */
export async function openCaseThroughApi(t: TestApp, s: Pick<CaseScenario, 'organizationId' | 'siteA'>, client: SignedIn, overrides: { subject?: string; language?: 'ko' | 'en' } = {}) {
  const response = await client.inject('POST', `/api/v1/organizations/${s.organizationId}/cases`, {
    siteId: s.siteA.id,
    category: 'technical_support',
    productFamilyId: null,
    productId: null,
    releaseId: null,
    subject: overrides.subject ?? `Historian ${unique()} drops data`,
    description: 'Since Monday the archive skips values every hour.',
    language: overrides.language ?? 'en',
  });
  if (response.statusCode !== 201) throw new Error(`case creation failed: ${response.statusCode} ${response.body}`);
  const created = response.json() as { id: string; number: string };
  return { id: created.id, number: created.number, base: `/api/v1/organizations/${s.organizationId}/cases/${created.id}` };
}

/** Uploads bytes as an attachment of the case through the API. */
export function uploadAs(t: TestApp, client: SignedIn, base: string, name: string, content: Buffer | string | Readable, contentType = 'application/octet-stream', postId?: string) {
  return t.app.inject({
    method: 'POST',
    url: `${base}/attachments?name=${encodeURIComponent(name)}${postId ? `&postId=${postId}` : ''}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': contentType },
    payload: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

/** Payloads that must stay inert text wherever they go. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<svg onload=alert(1)>',
  '"><iframe src="javascript:alert(1)"></iframe>',
  '[x](javascript:alert(1))',
  '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<div style=\"background:url('javascript:alert(1)')\">",
  '![x](x" onerror="alert(1))',
] as const;
