import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCaseNumber } from '../../../common/cases';
import { QueuePage, type QueueItem } from '../../../common/schemas/cases';
import { buildCase, type BuildCaseOverrides } from '../../test/case-factories';
import { buildProduct } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { foldCaseCountChanges } from './case-counts.repository';

let t: TestApp;
let engineer: SignedIn;
beforeAll(async () => {
  t = await buildTestApp();
  engineer = await signInAs(t.app, (await buildUser(t.ctx, { staffRole: 'support_engineer', name: 'Engineer Kim' })).email);
});
afterAll(async () => {
  await t.close();
});

const DAY_MS = 86_400_000;
const QUEUE = '/api/v1/cases/queue';

async function queue(client: SignedIn, query: string): Promise<QueuePage> {
  const response = await client.inject('GET', `${QUEUE}?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  expect(QueuePage.parse(body)).toEqual(body);
  return body;
}

const ids = (page: QueuePage) => page.items.map((item) => item.id);
const sorted = (values: string[]) => [...values].sort();

/** An organization with a site and a helper to open cases on it, each older than the previous by an hour. */
async function organizationQueue(name?: string) {
  const organization = await buildOrganization(t.ctx, name ? { name } : {});
  const site = await buildSite(t.ctx, { organizationId: organization.id, name: 'Pohang works' });
  let n = 0;
  const open = (overrides: BuildCaseOverrides = {}) => {
    n += 1;
    const at = new Date(t.clock.now().getTime() - 10 * DAY_MS + n * 3_600_000);
    return buildCase(t.ctx, { organizationId: organization.id, siteId: site.id, createdAt: at, updatedAt: at, ...overrides });
  };
  return { organization, site, open };
}

describe('GET /api/v1/cases/queue', () => {
  it('lists the open cases of every organization by default, oldest update first, with their organization and response times', async () => {
    const token = randomUUID().slice(0, 8);
    const first = await organizationQueue(`First ${token}`);
    const second = await organizationQueue(`Second ${token}`);
    const older = await first.open({ subject: `${token} older`, updatedAt: new Date(t.clock.now().getTime() - 5 * DAY_MS) });
    const newer = await second.open({ subject: `${token} newer`, status: 'answered', updatedAt: new Date(t.clock.now().getTime() - DAY_MS) });
    await second.open({ subject: `${token} closed`, status: 'closed' });
    await first.open({ subject: `${token} abandoned`, status: 'abandoned' });
    const page = await queue(engineer, `q=${token}`);
    expect(ids(page)).toEqual([older.id, newer.id]);
    expect(page.total).toBe(2);
    expect(page.nextCursor).toBeNull();
    expect(page.items[1]).toMatchObject({
      id: newer.id,
      number: formatCaseNumber(newer.number),
      status: 'answered',
      waitingOnCustomer: true,
      organization: { id: second.organization.id, name: `Second ${token}` },
      site: { id: second.site.id, name: 'Pohang works' },
      firstResponseAt: null,
      resolvedAt: null,
    } satisfies Partial<QueueItem>);
  });

  it('filters by one or several statuses', async () => {
    const o = await organizationQueue();
    const fresh = await o.open({ status: 'new' });
    const researching = await o.open({ status: 'researching' });
    const closed = await o.open({ status: 'closed' });
    const base = `organizationId=${o.organization.id}`;
    expect(ids(await queue(engineer, `${base}&status=researching`))).toEqual([researching.id]);
    expect(ids(await queue(engineer, `${base}&status=closed&status=new`))).toEqual([fresh.id, closed.id]);
    expect(ids(await queue(engineer, base))).toEqual([fresh.id, researching.id]);
  });

  it('filters by assignee: a person, me, or nobody', async () => {
    const o = await organizationQueue();
    const other = await buildUser(t.ctx, { staffRole: 'support_engineer' });
    const mine = await o.open({ assigneeId: engineer.userId });
    const theirs = await o.open({ assigneeId: other.id });
    const nobodys = await o.open();
    const base = `organizationId=${o.organization.id}`;
    expect(ids(await queue(engineer, `${base}&assigneeId=me`))).toEqual([mine.id]);
    expect(ids(await queue(engineer, `${base}&assigneeId=${other.id}`))).toEqual([theirs.id]);
    expect(ids(await queue(engineer, `${base}&assigneeId=none`))).toEqual([nobodys.id]);
    expect((await queue(engineer, `${base}&assigneeId=me`)).items[0]!.assignee).toEqual({ id: engineer.userId, name: 'Engineer Kim', side: 'engineer' });
  });

  it('filters by organization, product, category and age', async () => {
    const o = await organizationQueue();
    const elsewhere = await organizationQueue();
    const product = await buildProduct(t.ctx);
    const licensing = await o.open({ category: 'licensing' });
    const withProduct = await o.open({ productId: product.id });
    const old = await o.open({ createdAt: new Date(t.clock.now().getTime() - 40 * DAY_MS) });
    const recent = await o.open({ createdAt: new Date(t.clock.now().getTime() - 2 * DAY_MS) });
    const foreign = await elsewhere.open({ category: 'licensing', productId: product.id });
    const base = `organizationId=${o.organization.id}`;
    expect(sorted(ids(await queue(engineer, base)))).toEqual(sorted([licensing.id, withProduct.id, old.id, recent.id]));
    expect(ids(await queue(engineer, `${base}&category=licensing`))).toEqual([licensing.id]);
    expect(sorted(ids(await queue(engineer, `productId=${product.id}`)))).toEqual(sorted([withProduct.id, foreign.id]));
    expect(ids(await queue(engineer, `${base}&productId=${product.id}`))).toEqual([withProduct.id]);
    // Opened at least 30 days ago: only the old one; 3 days ago: all but the recent one.
    expect(ids(await queue(engineer, `${base}&olderThanDays=30`))).toEqual([old.id]);
    expect(sorted(ids(await queue(engineer, `${base}&olderThanDays=3`)))).toEqual(sorted([licensing.id, withProduct.id, old.id]));
    expect((await queue(engineer, `${base}&olderThanDays=0`)).total).toBe(4);
  });

  it('counts the total of the statuses and organization asked for, before and after the kept case counts are folded', async () => {
    const o = await organizationQueue();
    const other = await organizationQueue();
    await o.open({ status: 'new' });
    await o.open({ status: 'answered' });
    await o.open({ status: 'closed' });
    await other.open({ status: 'new' });
    const everywhere = (await queue(engineer, 'status=new')).total;
    for (const fold of [false, true]) {
      if (fold) await foldCaseCountChanges(t.ctx.db);
      expect((await queue(engineer, `organizationId=${o.organization.id}`)).total).toBe(2);
      expect((await queue(engineer, `organizationId=${o.organization.id}&status=closed`)).total).toBe(1);
      expect((await queue(engineer, `organizationId=${o.organization.id}&status=new&status=closed`)).total).toBe(2);
      expect((await queue(engineer, 'status=new')).total).toBe(everywhere);
    }
    const [counted] = await t.ctx.database.raw<{ n: number }>(`select count(*)::int as n from cases where status = 'new'`);
    expect(everywhere).toBe(counted!.n);
    // A case moved by an engineer leaves one total for another.
    const moved = await o.open({ status: 'new' });
    await t.ctx.database.raw(`update cases set status = 'researching' where id = $1`, [moved.id]);
    expect((await queue(engineer, `organizationId=${o.organization.id}&status=researching`)).total).toBe(1);
    expect((await queue(engineer, `organizationId=${o.organization.id}`)).total).toBe(3);
  });

  it('searches subject, description, number and old number, in Korean too', async () => {
    const o = await organizationQueue();
    const token = randomUUID().slice(0, 8);
    const korean = await o.open({ subject: `${token} 보고서가 비어 있습니다`, description: '월간 보고서' });
    const legacy = await o.open({ subject: 'Old', legacyNumber: `CS-${token}` });
    const base = `organizationId=${o.organization.id}`;
    expect(ids(await queue(engineer, `${base}&q=${encodeURIComponent('보고서가 비어')}`))).toEqual([korean.id]);
    expect(ids(await queue(engineer, `${base}&q=${encodeURIComponent('월간')}`))).toEqual([korean.id]);
    expect(ids(await queue(engineer, `q=${formatCaseNumber(legacy.number)}`))).toEqual([legacy.id]);
    expect(ids(await queue(engineer, `q=cs-${token}`))).toEqual([legacy.id]);
  });

  it('walks every page with the keyset cursor, ties on the update time broken by id, and counts the total under the filters', async () => {
    const o = await organizationQueue();
    const at = new Date(t.clock.now().getTime() - 3 * DAY_MS);
    const made = [];
    for (let i = 0; i < 23; i += 1) made.push(await o.open({ updatedAt: new Date(at.getTime() + Math.floor(i / 4) * 60_000) }));
    const seen: QueueItem[] = [];
    let cursor: string | null = null;
    do {
      const page: QueuePage = await queue(engineer, `organizationId=${o.organization.id}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(23);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen.map((item) => item.id)).size).toBe(23);
    const expected = [...made].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.id < b.id ? -1 : 1)).map((c) => c.id);
    expect(seen.map((item) => item.id)).toEqual(expected);
  });

  it('refuses bad filters and a malformed cursor with 400', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const query of [
      'status=sleeping',
      'assigneeId=someone',
      'organizationId=42',
      'category=gossip',
      'olderThanDays=-1',
      'limit=500',
      'cursor=%%%',
      `cursor=${encode(['queue', 'soon', randomUUID()])}`,
      `cursor=${encode(['updated', 'asc', '1', randomUUID()])}`,
    ]) {
      const response = await engineer.inject('GET', `${QUEUE}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
  });

  it('is for staff who answer cases: account managers and vendor admins may, agents and customers get 403', async () => {
    for (const staffRole of ['account_manager', 'vendor_admin'] as const) {
      const staff = await signInAs(t.app, (await buildUser(t.ctx, { staffRole })).email);
      expect((await staff.inject('GET', QUEUE)).statusCode).toBe(200);
    }
    const agent = await signInAs(t.app, (await buildUser(t.ctx, { staffRole: 'agent' })).email);
    expect((await agent.inject('GET', QUEUE)).statusCode).toBe(403);
    const o = await organizationQueue();
    const user = await buildUser(t.ctx);
    await buildMember(t.ctx, { organizationId: o.organization.id, userId: user.id, role: 'owner' });
    expect((await (await signInAs(t.app, user.email)).inject('GET', QUEUE)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: QUEUE })).statusCode).toBe(401);
  });
});
