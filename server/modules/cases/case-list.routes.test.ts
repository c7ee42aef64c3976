import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, formatCaseNumber, type CaseStatus } from '../../../common/cases';
import type { CustomerRole } from '../../../common/permissions';
import { CaseListPage, type CaseListItem } from '../../../common/schemas/cases';
import { buildCase } from '../../test/case-factories';
import { buildProduct } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { foldCaseCountChanges } from './case-counts.repository';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const DAY_MS = 86_400_000;

/** A new user, member of the organization with a role (and sites below admin), signed in. */
async function member(organizationId: string, role: CustomerRole, siteIds: string[] = []): Promise<SignedIn> {
  const user = await buildUser(t.ctx);
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds });
  return signInAs(t.app, user.email);
}

/** An organization with two sites, a support member of site A (the requester) and another of site A. */
async function scenario() {
  const organization = await buildOrganization(t.ctx);
  const siteA = await buildSite(t.ctx, { organizationId: organization.id, name: 'Yeosu plant' });
  const siteB = await buildSite(t.ctx, { organizationId: organization.id, name: 'Ulsan plant' });
  const requester = await member(organization.id, 'support', [siteA.id]);
  const colleague = await member(organization.id, 'support', [siteA.id]);
  return { organization, siteA, siteB, requester, colleague, base: `/api/v1/organizations/${organization.id}/cases` };
}

async function list(client: SignedIn, url: string): Promise<CaseListPage> {
  const response = await client.inject('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  expect(CaseListPage.parse(body)).toEqual(body);
  return body;
}

const ids = (page: CaseListPage) => page.items.map((item) => item.id);
const sorted = (values: string[]) => [...values].sort();

describe('GET /api/v1/organizations/:organizationId/cases: views and counts', () => {
  it('gives a support member their open cases, the open and closed cases of their sites only, and the count of each view', async () => {
    const s = await scenario();
    const mineNew = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteA.id, requesterId: s.requester.userId, status: 'new' });
    const mineAnswered = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteA.id, requesterId: s.requester.userId, status: 'answered' });
    const mineClosed = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteA.id, requesterId: s.requester.userId, status: 'closed' });
    const theirs = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteA.id, requesterId: s.colleague.userId, status: 'researching' });
    const abandoned = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteA.id, requesterId: s.colleague.userId, status: 'abandoned' });
    const onB = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteB.id, status: 'pending_fix' });
    const closedOnB = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteB.id, status: 'closed' });
    await buildCase(t.ctx, { status: 'new' }); // another organization

    const myOpen = await list(s.requester, s.base);
    expect(sorted(ids(myOpen))).toEqual(sorted([mineNew.id, mineAnswered.id]));
    expect(myOpen.counts).toEqual({ my_open: 2, open: 3, closed: 2 });
    expect(sorted(ids(await list(s.requester, `${s.base}?view=open`)))).toEqual(sorted([mineNew.id, mineAnswered.id, theirs.id]));
    expect(sorted(ids(await list(s.requester, `${s.base}?view=closed`)))).toEqual(sorted([mineClosed.id, abandoned.id]));

    // The colleague's own open case is theirs alone; the site's are shared.
    const colleagueView = await list(s.colleague, `${s.base}?view=my_open`);
    expect(ids(colleagueView)).toEqual([theirs.id]);
    expect(colleagueView.counts).toEqual({ my_open: 1, open: 3, closed: 2 });

    // Owners, admins and engineers see every site.
    const owner = await member(s.organization.id, 'owner');
    const ownerOpen = await list(owner, `${s.base}?view=open`);
    expect(sorted(ids(ownerOpen))).toEqual(sorted([mineNew.id, mineAnswered.id, theirs.id, onB.id]));
    expect(ownerOpen.counts).toEqual({ my_open: 0, open: 4, closed: 3 });
    const admin = await member(s.organization.id, 'admin');
    expect(sorted(ids(await list(admin, `${s.base}?view=closed`)))).toEqual(sorted([mineClosed.id, abandoned.id, closedOnB.id]));
    for (const staffRole of ['support_engineer', 'account_manager', 'vendor_admin'] as const) {
      const staff = await signInAs(t.app, (await buildUser(t.ctx, { staffRole })).email);
      expect((await list(staff, `${s.base}?view=open`)).counts).toEqual({ my_open: 0, open: 4, closed: 3 });
    }
    // A support member given no site sees nothing.
    const siteless = await member(s.organization.id, 'support');
    expect(await list(siteless, `${s.base}?view=open`)).toEqual({ items: [], nextCursor: null, counts: { my_open: 0, open: 0, closed: 0 } });
  });

  it('keeps the counts right through a status change made by an engineer, before and after the kept counts are folded', async () => {
    const s = await scenario();
    const open = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteA.id, requesterId: s.requester.userId, status: 'new' });
    await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteB.id, status: 'closed' });
    const owner = await member(s.organization.id, 'owner');
    expect((await list(owner, s.base)).counts).toEqual({ my_open: 0, open: 1, closed: 1 });
    await foldCaseCountChanges(t.ctx.db);
    expect((await list(owner, s.base)).counts).toEqual({ my_open: 0, open: 1, closed: 1 });

    const engineer = await signInAs(t.app, (await buildUser(t.ctx, { staffRole: 'support_engineer' })).email);
    const closed = await engineer.inject('POST', `${s.base}/${open.id}/transitions`, { to: 'closed', expectedStatus: 'new' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await list(owner, s.base)).counts).toEqual({ my_open: 0, open: 0, closed: 2 });
    expect((await list(s.requester, s.base)).counts).toEqual({ my_open: 0, open: 0, closed: 1 });
    await foldCaseCountChanges(t.ctx.db);
    expect((await list(owner, s.base)).counts).toEqual({ my_open: 0, open: 0, closed: 2 });
    expect((await list(owner, `${s.base}?siteId=${s.siteB.id}`)).counts).toEqual({ my_open: 0, open: 0, closed: 1 });
  });

  it('presents each case with its 8-digit number, site, product, people and whether it waits on the customer', async () => {
    const s = await scenario();
    const engineer = await buildUser(t.ctx, { staffRole: 'support_engineer', name: '김엔지니어' });
    const product = await buildProduct(t.ctx, { name: `PI Vision ${randomUUID().slice(0, 6)}` });
    const waiting = await buildCase(t.ctx, {
      organizationId: s.organization.id,
      siteId: s.siteA.id,
      requesterId: s.requester.userId,
      assigneeId: engineer.id,
      status: 'waiting_on_response',
      subject: '화면이 멈춥니다 🚨',
      category: 'product_usage',
      productId: product.id,
      legacyNumber: 'OSI-0042',
    });
    const page = await list(s.requester, s.base);
    const item = page.items.find((i) => i.id === waiting.id)!;
    expect(item).toEqual({
      id: waiting.id,
      number: formatCaseNumber(waiting.number),
      legacyNumber: 'OSI-0042',
      subject: '화면이 멈춥니다 🚨',
      status: 'waiting_on_response',
      waitingOnCustomer: true,
      site: { id: s.siteA.id, name: 'Yeosu plant' },
      category: 'product_usage',
      productName: product.name,
      requester: { id: s.requester.userId, name: expect.any(String), side: 'customer' },
      assignee: { id: engineer.id, name: '김엔지니어', side: 'engineer' },
      createdAt: waiting.createdAt.toISOString(),
      updatedAt: waiting.updatedAt.toISOString(),
    } satisfies CaseListItem);
    expect(item.number).toMatch(/^\d{8}$/);
    const researching = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteA.id, requesterId: s.requester.userId, status: 'researching' });
    expect((await list(s.requester, s.base)).items.find((i) => i.id === researching.id)).toMatchObject({ waitingOnCustomer: false, assignee: null, productName: null });
  });

  it('answers 404 to another organization and to a stranger, and 403 to a member without case.view', async () => {
    const s = await scenario();
    const other = await buildOrganization(t.ctx);
    const outsider = await member(other.id, 'owner');
    const response = await outsider.inject('GET', s.base);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('organizations.not_found');
    const stranger = await signInAs(t.app, (await buildUser(t.ctx)).email);
    expect((await stranger.inject('GET', s.base)).statusCode).toBe(404);
    const viewer = await member(s.organization.id, 'viewer', [s.siteA.id]);
    expect((await viewer.inject('GET', s.base)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: s.base })).statusCode).toBe(401);
  });

  it('refuses a bad view, sort, order, limit or an over-long keyword with 400', async () => {
    const s = await scenario();
    for (const query of ['view=mine', 'sort=priority', 'order=up', 'limit=0', 'limit=101', `q=${'x'.repeat(201)}`, 'siteId=not-a-uuid']) {
      const response = await s.requester.inject('GET', `${s.base}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
  });
});

describe('GET /api/v1/organizations/:organizationId/cases: keyword and site', () => {
  it('finds cases by subject, description, number, any run of its digits, old number or any part of it, and Korean text, with counts under the keyword', async () => {
    const s = await scenario();
    const at = { organizationId: s.organization.id, siteId: s.siteA.id, requesterId: s.requester.userId };
    const token = randomUUID().slice(0, 8);
    const bySubject = await buildCase(t.ctx, { ...at, subject: `Archive ${token} stops`, description: 'plain' });
    const byDescription = await buildCase(t.ctx, { ...at, subject: 'Other', description: `The ARCHIVE-${token.toUpperCase()} log shows errors` });
    const korean = await buildCase(t.ctx, { ...at, subject: '데이터 아카이브 서비스가 멈춤', description: '재시작해도 안 됩니다', status: 'closed' });
    const legacy = await buildCase(t.ctx, { ...at, subject: 'Legacy', legacyNumber: `SR-${token}-77` });
    const literal = await buildCase(t.ctx, { ...at, subject: 'Disk 100%_full' });
    const q = async (keyword: string, view = 'open') => ids(await list(s.requester, `${s.base}?view=${view}&q=${encodeURIComponent(keyword)}`));

    expect(sorted(await q(`archive ${token}`))).toEqual([bySubject.id]);
    expect(sorted(await q(token))).toEqual(sorted([bySubject.id, byDescription.id, legacy.id]));
    expect(await q('아카이브', 'closed')).toEqual([korean.id]);
    expect(await q('재시작', 'closed')).toEqual([korean.id]);
    expect(await q(formatCaseNumber(literal.number))).toEqual([literal.id]);
    // A prefix of the number finds the case (and possibly later ones); a shorter prefix of another's does not.
    expect(await q(String(literal.number).slice(0, 7))).toContain(literal.id);
    // …and so does its end, what people remember of a number as often.
    expect(await q(String(literal.number).slice(2))).toContain(literal.id);
    expect(await q(`sr-${token}-77`)).toEqual([legacy.id]);
    expect(await q(`SR-${token.toUpperCase()}`)).toEqual([legacy.id]);
    expect(await q(`${token.toUpperCase()}-77`)).toEqual([legacy.id]);
    // % and _ are literal characters, not patterns.
    expect(await q('100%_')).toEqual([literal.id]);
    expect(await q('k 1%0')).toEqual([]);
    expect(await q('  ')).toHaveLength((await list(s.requester, `${s.base}?view=open`)).items.length);

    const counted = await list(s.requester, `${s.base}?view=open&q=${encodeURIComponent('아카이브')}`);
    expect(counted.counts).toEqual({ my_open: 0, open: 0, closed: 1 });
  });

  it('filters by a site, and answers 404 sites.not_found for a site the member may not see or of another organization', async () => {
    const s = await scenario();
    const onA = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteA.id });
    const onB = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.siteB.id });
    const owner = await member(s.organization.id, 'owner');
    const onlyB = await list(owner, `${s.base}?view=open&siteId=${s.siteB.id}`);
    expect(ids(onlyB)).toEqual([onB.id]);
    expect(onlyB.counts).toEqual({ my_open: 0, open: 1, closed: 0 });
    expect(ids(await list(s.requester, `${s.base}?view=open&siteId=${s.siteA.id}`))).toEqual([onA.id]);

    const hidden = await s.requester.inject('GET', `${s.base}?view=open&siteId=${s.siteB.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('sites.not_found');
    const foreignSite = await buildSite(t.ctx);
    const foreign = await owner.inject('GET', `${s.base}?siteId=${foreignSite.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('sites.not_found');
  });
});

describe('GET /api/v1/organizations/:organizationId/cases: sorting and keyset paging', () => {
  /** 30 cases on three sites with ties on every sort key. */
  async function thirtyCases() {
    const organization = await buildOrganization(t.ctx);
    const sites = [
      await buildSite(t.ctx, { organizationId: organization.id, name: 'bravo site' }),
      await buildSite(t.ctx, { organizationId: organization.id, name: 'Alpha site' }),
      await buildSite(t.ctx, { organizationId: organization.id, name: 'charlie site' }),
    ];
    const owner = await member(organization.id, 'owner');
    const start = t.clock.now().getTime() - 40 * DAY_MS;
    const subjects = ['delta', 'Alpha', 'alpha', 'charlie', 'Bravo'];
    const open = CASE_STATUSES.filter((status) => status !== 'closed' && status !== 'abandoned');
    const made = [];
    for (let i = 0; i < 30; i += 1) {
      const status: CaseStatus = open[i % open.length]!;
      made.push(
        await buildCase(t.ctx, {
          organizationId: organization.id,
          siteId: sites[i % 3]!.id,
          status,
          subject: subjects[i % subjects.length]!,
          // Four cases share each opening instant and three each update instant.
          createdAt: new Date(start + Math.floor(i / 4) * DAY_MS),
          updatedAt: new Date(start + Math.floor(i / 3) * DAY_MS + 1234),
        }),
      );
    }
    return { organization, owner, sites, made, base: `/api/v1/organizations/${organization.id}/cases?view=open` };
  }

  async function walk(client: SignedIn, url: string, limit: number): Promise<CaseListItem[]> {
    const seen: CaseListItem[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const page: CaseListPage = await list(client, `${url}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return seen;
      expect(page.items).toHaveLength(limit);
    }
    throw new Error('too many pages');
  }

  const siteName = (item: CaseListItem) => item.site.name.toLowerCase();
  const keys: Record<string, (item: CaseListItem) => string | number> = {
    status: (item) => CASE_STATUSES.indexOf(item.status),
    subject: (item) => item.subject.toLowerCase(),
    site: siteName,
    opened: (item) => item.createdAt,
    updated: (item) => item.updatedAt,
  };

  for (const sort of ['status', 'subject', 'site', 'opened', 'updated'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`walks every page sorted by ${sort} ${order}, tie-broken by id, with no duplicate or gap`, async () => {
        const s = await thirtyCases();
        const walked = await walk(s.owner, `${s.base}&sort=${sort}&order=${order}`, 7);
        expect(walked).toHaveLength(30);
        expect(new Set(walked.map((item) => item.id)).size).toBe(30);
        expect(sorted(walked.map((item) => item.id))).toEqual(sorted(s.made.map((c) => c.id)));
        const key = keys[sort]!;
        const sign = order === 'asc' ? 1 : -1;
        const expected = [...walked].sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
          return (a.id < b.id ? -1 : 1) * sign;
        });
        expect(walked.map((item) => item.id)).toEqual(expected.map((item) => item.id));
        // The walk in pages gives the same order as one big page.
        expect(walked.map((item) => item.id)).toEqual(ids(await list(s.owner, `${s.base}&sort=${sort}&order=${order}&limit=100`)));
      });
    }
  }

  it('sorts statuses by their place in the lifecycle, not alphabetically', async () => {
    const s = await thirtyCases();
    const statuses = (await list(s.owner, `${s.base}&sort=status&order=asc&limit=100`)).items.map((item) => item.status);
    expect([...new Set(statuses)]).toEqual(['new', 'waiting_on_response', 'researching', 'answered', 'pending_fix']);
  });

  it('sorts by update date, newest first, by default', async () => {
    const s = await thirtyCases();
    const page = await list(s.owner, `${s.base}&limit=5`);
    expect(page.items.map((item) => item.updatedAt)).toEqual([...page.items.map((item) => item.updatedAt)].sort().reverse());
    expect(page.items[0]!.updatedAt).toBe(s.made[29]!.updatedAt.toISOString());
  });

  it('refuses a malformed cursor, or one written for another sort or order, with 400 validation.failed', async () => {
    const s = await thirtyCases();
    const first = await list(s.owner, `${s.base}&sort=opened&order=asc&limit=5`);
    const good = first.nextCursor!;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad = [
      'not a cursor!',
      'AAAA',
      encode({ sort: 'opened' }),
      encode(['opened', 'asc', 'yesterday', randomUUID()]),
      encode(['opened', 'asc', '123', 'not-a-uuid']),
      encode(['status', 'asc', 99, randomUUID()]),
      encode(['subject', 'asc', 'alpha', randomUUID()]),
      encode(['opened', 'asc', '1', randomUUID(), 'extra']),
    ];
    for (const cursor of bad) {
      const response = await s.owner.inject('GET', `${s.base}&sort=opened&order=asc&cursor=${encodeURIComponent(cursor)}`);
      expect(response.statusCode, cursor).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    for (const other of ['sort=opened&order=desc', 'sort=updated&order=asc']) {
      const response = await s.owner.inject('GET', `${s.base}&${other}&cursor=${good}`);
      expect(response.statusCode, other).toBe(400);
    }
    expect((await s.owner.inject('GET', `${s.base}&sort=opened&order=asc&cursor=${'a'.repeat(501)}`)).statusCode).toBe(400);
  });

  it('gives nothing after the cursor of a case the member may not see (text sorts read the position from that case)', async () => {
    const s = await thirtyCases();
    const foreign = await buildCase(t.ctx, { subject: 'alpha' });
    const cursor = Buffer.from(JSON.stringify(['subject', 'asc', null, foreign.id])).toString('base64url');
    expect(await list(s.owner, `${s.base}&sort=subject&order=asc&cursor=${cursor}`)).toMatchObject({ items: [], nextCursor: null, counts: { open: 30 } });
    // Nor of a case on a site the member was not given: the position would tell its subject.
    const support = await member(s.organization.id, 'support', [s.sites[0]!.id]);
    const hidden = s.made.find((c) => c.siteId === s.sites[1]!.id)!;
    const hiddenCursor = Buffer.from(JSON.stringify(['site', 'desc', null, hidden.id])).toString('base64url');
    expect(await list(support, `${s.base}&sort=site&order=desc&cursor=${hiddenCursor}`)).toMatchObject({ items: [], nextCursor: null, counts: { open: 10 } });
  });
});
