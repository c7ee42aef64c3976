import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEvent, ActivityPage } from '../../../common/schemas/audit';
import { recordAudit, type AuditEventInput } from '../../platform/audit';
import { buildMember, buildOrganization, buildUser } from '../../test/factories';
import { buildTestApp, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';

let t: TestApp;
let orgA: string;
let orgB: string;
let admin: SignedIn;
let engineer: SignedIn;
let owner: SignedIn;

/** The clock stands at 01:00 on 15 June 2035 in Seoul, after every event the tests record. */
const LATEST = '2035-06-14T16:00:00Z';
const at = (iso: string) => new Date(iso);
/** Appends an event as a service would; a system event unless told otherwise. */
const record = (event: Partial<AuditEventInput>) => recordAudit(t.database.db, { category: 'system', action: 'test.event', ...event });

const page = async (client: SignedIn, url: string) => {
  const response = await client.inject('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ActivityPage;
};
const actions = (body: ActivityPage) => body.items.map((e) => e.action);

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set(at(LATEST));
  orgA = (await buildOrganization(t.ctx, { name: 'Hanbit Energy' })).id;
  orgB = (await buildOrganization(t.ctx, { name: 'Other Org' })).id;
  admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
  engineer = await signInNewUser(t, { staffRole: 'support_engineer' });
  owner = await signInNewUser(t);
  await buildMember(t.ctx, { organizationId: orgA, userId: owner.userId, role: 'owner' });
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/v1/admin/activity filters (March 2031)', () => {
  const range = 'from=2031-03-01&to=2031-03-31';
  let kim: string;
  let lee: string;
  beforeAll(async () => {
    kim = (await buildUser(t.ctx, { name: 'Kim Minji', email: 'minji.kim@hanbit.example' })).id;
    lee = (await buildUser(t.ctx, { name: 'Lee Jun', email: 'jun.lee@hanbit.example' })).id;
    await record({ occurredAt: at('2031-03-02T01:00:00Z'), category: 'sign_in', action: 'sign_in.succeeded', actorUserId: kim, actorLabel: 'minji.kim@hanbit.example', ip: '203.0.113.5', client: 'Chrome on Windows' });
    await record({ occurredAt: at('2031-03-03T01:00:00Z'), category: 'member', action: 'member.invited', actorUserId: lee, actorLabel: 'jun.lee@hanbit.example', organizationId: orgA, targetType: 'invitation', details: { email: 'new.person@example.com', role: 'viewer' } });
    await record({ occurredAt: at('2031-03-04T01:00:00Z'), category: 'settings', action: 'settings.security.updated', actorLabel: 'atrium CLI', client: 'atrium CLI', details: { before: { lockoutAttempts: 5 }, after: { lockoutAttempts: 3 } } });
    await record({ occurredAt: at('2031-03-05T01:00:00Z'), category: 'token', action: 'token.created', actorUserId: kim, actorLabel: 'minji.kim@hanbit.example', targetType: 'token', targetId: 'tok-4711' });
    await record({ occurredAt: at('2031-03-06T01:00:00Z'), category: 'site', action: 'site.created', actorUserId: lee, actorLabel: 'jun.lee@hanbit.example', organizationId: orgB, details: { name: '부산 공장' } });
  });

  it('lists the range newest first with names joined', async () => {
    const body = await page(admin, `/api/v1/admin/activity?${range}`);
    expect(actions(body)).toEqual(['site.created', 'token.created', 'settings.security.updated', 'member.invited', 'sign_in.succeeded']);
    expect(body.nextCursor).toBeNull();
    expect(body.range).toEqual({ from: '2031-02-28T15:00:00.000Z', to: '2031-03-31T15:00:00.000Z' });
    const invited = body.items.find((e) => e.action === 'member.invited')!;
    expect(invited).toMatchObject<Partial<ActivityEvent>>({ category: 'member', actorUserId: lee, actorName: 'Lee Jun', actorLabel: 'jun.lee@hanbit.example', organizationId: orgA, organizationName: 'Hanbit Energy', occurredAt: '2031-03-03T01:00:00.000Z', details: { email: 'new.person@example.com', role: 'viewer' } });
    expect(body.items.find((e) => e.action === 'settings.security.updated')).toMatchObject({ actorUserId: null, actorName: null, organizationName: null });
  });

  it('filters by one category, and by several comma-separated or repeated', async () => {
    expect(actions(await page(admin, `/api/v1/admin/activity?${range}&category=sign_in`))).toEqual(['sign_in.succeeded']);
    expect(actions(await page(admin, `/api/v1/admin/activity?${range}&category=member,site`))).toEqual(['site.created', 'member.invited']);
    expect(actions(await page(admin, `/api/v1/admin/activity?${range}&category=token&category=settings`))).toEqual(['token.created', 'settings.security.updated']);
    const bad = await admin.inject('GET', `/api/v1/admin/activity?${range}&category=sign_in,nonsense`);
    expect(bad.statusCode).toBe(400);
  });

  it('filters by actor id, and by text in the actor label or name', async () => {
    expect(actions(await page(admin, `/api/v1/admin/activity?${range}&actor=${kim}`))).toEqual(['token.created', 'sign_in.succeeded']);
    expect(actions(await page(admin, `/api/v1/admin/activity?${range}&actor=jun.lee@`))).toEqual(['site.created', 'member.invited']);
    expect(actions(await page(admin, `/api/v1/admin/activity?${range}&actor=minji`))).toEqual(['token.created', 'sign_in.succeeded']);
    expect(actions(await page(admin, `/api/v1/admin/activity?${range}&actor=CLI`))).toEqual(['settings.security.updated']);
  });

  it('finds free text, ignoring case, in the action, actor, target, IP, client and details', async () => {
    const q = async (text: string) => actions(await page(admin, `/api/v1/admin/activity?${range}&q=${encodeURIComponent(text)}`));
    expect(await q('SECURITY')).toEqual(['settings.security.updated']);
    expect(await q('203.0.113')).toEqual(['sign_in.succeeded']);
    expect(await q('windows')).toEqual(['sign_in.succeeded']);
    expect(await q('tok-47')).toEqual(['token.created']);
    expect(await q('new.person')).toEqual(['member.invited']);
    expect(await q('부산')).toEqual(['site.created']);
    expect(await q('jun.lee')).toEqual(['site.created', 'member.invited']);
    expect(await q('lockout%')).toEqual([]);
    // Taken literally: an unescaped _ would match every event.
    expect(await q('_')).toEqual(['sign_in.succeeded']);
  });

  it('takes a custom range of dates in the time zone, or of instants, and refuses an inverted one', async () => {
    // 2031-03-03 and -04 in Seoul: from 2031-03-02T15:00Z to 2031-03-04T15:00Z.
    expect(actions(await page(admin, '/api/v1/admin/activity?from=2031-03-03&to=2031-03-04'))).toEqual(['settings.security.updated', 'member.invited']);
    expect(actions(await page(admin, '/api/v1/admin/activity?from=2031-03-03&to=2031-03-04&tz=America/New_York'))).toEqual(['token.created', 'settings.security.updated']);
    expect(actions(await page(admin, '/api/v1/admin/activity?from=2031-03-03T01:00:00Z&to=2031-03-05T01:00:00Z'))).toEqual(['settings.security.updated', 'member.invited']);
    const inverted = await admin.inject('GET', '/api/v1/admin/activity?from=2031-03-05&to=2031-03-04');
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.code).toBe('audit.invalid_range');
    const badZone = await admin.inject('GET', '/api/v1/admin/activity?from=2031-03-01&tz=Mars/Olympus');
    expect(badZone.statusCode).toBe(400);
  });
});

describe('presets (June 2035, clock at 01:00 on the 15th in Seoul)', () => {
  const NOW = LATEST;
  // Where each preset starts: midnight in Seoul (UTC+9) of today, or of that long before.
  const starts = {
    today: '2035-06-14T15:00:00.000Z',
    '3d': '2035-06-11T15:00:00.000Z',
    '1w': '2035-06-07T15:00:00.000Z',
    '1m': '2035-05-14T15:00:00.000Z',
    '3m': '2035-03-14T15:00:00.000Z',
    '6m': '2034-12-14T15:00:00.000Z',
    '1y': '2034-06-14T15:00:00.000Z',
  } as const;
  beforeAll(async () => {
    for (const [preset, start] of Object.entries(starts)) {
      await record({ occurredAt: new Date(at(start).getTime() - 1), action: `${preset}.before` });
      await record({ occurredAt: at(start), action: `${preset}.start` });
    }
    await record({ occurredAt: at('2035-06-15T14:59:59.999Z'), action: 'today.last' });
    await record({ occurredAt: at('2035-06-15T15:00:00Z'), action: 'tomorrow.first' });
  });

  it.each(Object.keys(starts) as (keyof typeof starts)[])('%s starts at midnight in Seoul of its first day and ends with today', async (preset) => {
    t.clock.set(at(NOW));
    const body = await page(engineer, `/api/v1/admin/activity?preset=${preset}&limit=200`);
    expect(body.range).toEqual({ from: starts[preset], to: '2035-06-15T15:00:00.000Z' });
    const expected = Object.entries(starts)
      .filter(([, start]) => start >= starts[preset])
      .flatMap(([name, start]) => [start > starts[preset] ? `${name}.before` : null, `${name}.start`])
      .filter((a): a is string => a !== null);
    expect(actions(body).sort()).toEqual(['today.last', ...expected].sort());
  });

  it('defaults to one week', async () => {
    t.clock.set(at(NOW));
    expect((await page(engineer, '/api/v1/admin/activity')).range.from).toBe(starts['1w']);
  });

  it('starts "today" at midnight of the time zone asked for', async () => {
    t.clock.set(at(NOW));
    // In UTC it is still the 14th at 16:00: today began at 00:00Z on the 14th.
    const body = await page(engineer, '/api/v1/admin/activity?preset=today&tz=UTC');
    expect(body.range).toEqual({ from: '2035-06-14T00:00:00.000Z', to: '2035-06-15T00:00:00.000Z' });
    expect(actions(body)).toContain('today.before');
  });

  it('moves with the clock', async () => {
    // An hour earlier it is still the 14th in Seoul.
    t.clock.set(at('2035-06-14T14:00:00Z'));
    const body = await page(engineer, '/api/v1/admin/activity?preset=today');
    expect(body.range.from).toBe('2035-06-13T15:00:00.000Z');
    expect(actions(body)).toEqual(['today.before']);
  });
});

describe('paging (May 2031)', () => {
  const range = 'from=2031-05-01&to=2031-05-31';
  const expectedIds: number[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 23; i += 1) {
      // Several events share a millisecond: the id orders them.
      await record({ occurredAt: at(`2031-05-${String(10 + Math.floor(i / 3)).padStart(2, '0')}T03:00:00Z`), action: `page.${i}` });
    }
    // Two more a microsecond apart, which a JavaScript Date cannot tell apart.
    await t.ctx.db.execute(sql`insert into audit_events (occurred_at, category, action) values ('2031-05-20T03:00:00.000001Z', 'system', 'page.micro1'), ('2031-05-20T03:00:00.000002Z', 'system', 'page.micro2')`);
    const all = await page(admin, `/api/v1/admin/activity?${range}&limit=200`);
    expectedIds.push(...all.items.map((e) => e.id));
  });

  it('walks every event once with cursors, newest first', async () => {
    expect(expectedIds).toHaveLength(25);
    for (const limit of [1, 4, 7, 25]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const body: ActivityPage = await page(admin, `/api/v1/admin/activity?${range}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...body.items.map((e) => e.id));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor && pages < 100);
      expect(seen).toEqual(expectedIds);
      expect(new Set(seen).size).toBe(seen.length);
    }
    const first = (await page(admin, `/api/v1/admin/activity?${range}&limit=200`)).items;
    expect(first.slice(0, 2).map((e) => e.action)).toEqual(['page.micro2', 'page.micro1']);
    const times = first.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('refuses a limit above 200 and a malformed cursor', async () => {
    expect((await admin.inject('GET', `/api/v1/admin/activity?${range}&limit=201`)).statusCode).toBe(400);
    expect((await admin.inject('GET', `/api/v1/admin/activity?${range}&cursor=abc`)).statusCode).toBe(400);
  });
});

describe('who may read (July 2031)', () => {
  const range = 'from=2031-07-01&to=2031-07-31';
  beforeAll(async () => {
    await record({ occurredAt: at('2031-07-02T00:00:00Z'), category: 'organization', action: 'a.updated', organizationId: orgA });
    await record({ occurredAt: at('2031-07-03T00:00:00Z'), category: 'member', action: 'a.member', organizationId: orgA });
    await record({ occurredAt: at('2031-07-04T00:00:00Z'), category: 'organization', action: 'b.updated', organizationId: orgB });
    await record({ occurredAt: at('2031-07-05T00:00:00Z'), category: 'sign_in', action: 'nobody.sign_in' });
  });

  it("shows an organization's owner its events only, with the same filters", async () => {
    expect(actions(await page(owner, `/api/v1/organizations/${orgA}/activity?${range}`))).toEqual(['a.member', 'a.updated']);
    expect(actions(await page(owner, `/api/v1/organizations/${orgA}/activity?${range}&category=organization`))).toEqual(['a.updated']);
    expect(actions(await page(admin, `/api/v1/organizations/${orgB}/activity?${range}`))).toEqual(['b.updated']);
  });

  it('answers 404 for another organization and 403 for a viewer', async () => {
    expect((await owner.inject('GET', `/api/v1/organizations/${orgB}/activity?${range}`)).statusCode).toBe(404);
    expect((await owner.inject('GET', `/api/v1/organizations/${orgB}/activity/export?${range}`)).statusCode).toBe(404);
    const viewer = await signInNewUser(t);
    await buildMember(t.ctx, { organizationId: orgA, userId: viewer.userId, role: 'viewer' });
    expect((await viewer.inject('GET', `/api/v1/organizations/${orgA}/activity?${range}`)).statusCode).toBe(403);
    expect((await viewer.inject('GET', `/api/v1/organizations/${orgA}/activity/export?${range}`)).statusCode).toBe(403);
  });

  it('shows the whole log to a vendor administrator and a support engineer, and refuses customers and other staff', async () => {
    for (const client of [admin, engineer]) expect(actions(await page(client, `/api/v1/admin/activity?${range}`))).toEqual(['nobody.sign_in', 'b.updated', 'a.member', 'a.updated']);
    const agent = await signInNewUser(t, { staffRole: 'agent' });
    for (const client of [owner, agent]) {
      expect((await client.inject('GET', `/api/v1/admin/activity?${range}`)).statusCode).toBe(403);
      expect((await client.inject('GET', `/api/v1/admin/activity/export?${range}`)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/admin/activity?${range}` })).statusCode).toBe(401);
  });

  it('offers no way to change or delete the log', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/v1/admin/activity', '/api/v1/admin/activity/1', '/api/v1/admin/activity/export', `/api/v1/organizations/${orgA}/activity`, `/api/v1/organizations/${orgA}/activity/1`]) {
        expect(t.app.hasRoute({ method, url })).toBe(false);
        expect((await admin.inject(method, url, {})).statusCode, `${method} ${url}`).toBe(404);
      }
    }
  });
});

describe("an organization's members' sign-ins (August 2031)", () => {
  const range = 'from=2031-08-01&to=2031-08-31';
  beforeAll(async () => {
    const member = (await buildUser(t.ctx, { name: 'Park Jiwoo', email: 'jiwoo.park@hanbit.example' })).id;
    await buildMember(t.ctx, { organizationId: orgA, userId: member, role: 'support' });
    const outsider = (await buildUser(t.ctx, { name: 'Choi Other', email: 'choi@other.example' })).id;
    await buildMember(t.ctx, { organizationId: orgB, userId: outsider, role: 'owner' });
    await record({ occurredAt: at('2031-08-02T00:00:00Z'), category: 'sign_in', action: 'sign_in.succeeded', actorUserId: member, actorLabel: 'jiwoo.park@hanbit.example', ip: '203.0.113.7' });
    await record({ occurredAt: at('2031-08-03T00:00:00Z'), category: 'sign_in', action: 'sign_in.failed', actorUserId: member, actorLabel: 'jiwoo.park@hanbit.example' });
    await record({ occurredAt: at('2031-08-04T00:00:00Z'), category: 'sign_in', action: 'sign_in.succeeded', actorUserId: outsider, actorLabel: 'choi@other.example' });
    await record({ occurredAt: at('2031-08-05T00:00:00Z'), category: 'account', action: 'password.changed', actorUserId: member, actorLabel: 'jiwoo.park@hanbit.example' });
    await record({ occurredAt: at('2031-08-06T00:00:00Z'), category: 'sign_in', action: 'sign_in.failed', actorLabel: 'nobody@hanbit.example' });
    await record({ occurredAt: at('2031-08-07T00:00:00Z'), category: 'member', action: 'a.member', organizationId: orgA });
  });

  it('shows the sign-ins of its members, not of others, nor their other account events', async () => {
    const all = await page(owner, `/api/v1/organizations/${orgA}/activity?${range}`);
    expect(all.items.map((e) => [e.action, e.actorLabel])).toEqual([
      ['a.member', null],
      ['sign_in.failed', 'jiwoo.park@hanbit.example'],
      ['sign_in.succeeded', 'jiwoo.park@hanbit.example'],
    ]);
    expect(actions(await page(owner, `/api/v1/organizations/${orgA}/activity?${range}&category=sign_in`))).toEqual(['sign_in.failed', 'sign_in.succeeded']);
    expect(actions(await page(admin, `/api/v1/organizations/${orgB}/activity?${range}`))).toEqual(['sign_in.succeeded']);
  });

  it('puts them in the export too, named as the screen names them in the reader’s language, each with its code', async () => {
    const cells = async (language: string) => {
      const url = `/api/v1/organizations/${orgA}/activity/export?${range}&category=sign_in,account`;
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: owner.cookie, 'accept-language': language } });
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(2, 5));
    };
    expect(await cells('ko-KR,ko;q=0.9')).toEqual([
      ['분류', '작업', '작업 코드'],
      ['로그인', '로그인 실패', 'sign_in.failed'],
      ['로그인', '로그인 성공', 'sign_in.succeeded'],
    ]);
    expect(await cells('en')).toEqual([
      ['Category', 'Action', 'Action code'],
      ['Sign-in', 'Sign-in failed', 'sign_in.failed'],
      ['Sign-in', 'Signed in', 'sign_in.succeeded'],
    ]);
  });
});

describe('export (September 2031)', () => {
  const range = 'from=2031-09-01&to=2031-09-30';
  const localTime = (iso: string, timeZone: string) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

  async function download(client: SignedIn, url: string, language = 'en') {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie, 'accept-language': language } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push(Array.from({ length: 9 }, (_, i) => row.getCell(i + 1).text)));
    return { response, rows, sheet };
  }

  beforeAll(async () => {
    const park = await buildUser(t.ctx, { name: 'Park Seoyeon', email: 'seoyeon@hanbit.example' });
    for (let i = 0; i < 30; i += 1) {
      await record({
        occurredAt: at(`2031-09-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:30Z`),
        category: i % 3 === 0 ? 'member' : i % 3 === 1 ? 'sign_in' : 'site',
        action: `export.${i}`,
        actorUserId: i % 2 === 0 ? park.id : null,
        actorLabel: i % 2 === 0 ? 'seoyeon@hanbit.example' : 'atrium CLI',
        organizationId: i % 4 === 0 ? orgB : orgA,
        ip: `198.51.100.${i}`,
        client: 'Edge on Windows',
        details: i % 5 === 0 ? { note: `=SUM(A1:A9) ${i}`, 이름: '홍길동' } : null,
      });
    }
  });

  it('streams the filtered events as .xlsx with English headers and the same rows as the list', async () => {
    t.clock.set(at('2031-09-30T16:00:00Z'));
    const filters = `${range}&category=member,site&tz=Asia/Seoul`;
    const { response, rows } = await download(admin, `/api/v1/admin/activity/export?${filters}`);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // The clock reads 2031-10-01 01:00 in Seoul.
    expect(response.headers['content-disposition']).toBe(`attachment; filename="activity-2031-10-01.xlsx"; filename*=UTF-8''activity-2031-10-01.xlsx`);
    expect(rows[0]).toEqual(['Time', 'Category', 'Action', 'Action code', 'User', 'Organization', 'IP address', 'Client', 'Details']);
    const listed = (await page(admin, `/api/v1/admin/activity?${filters}&limit=200`)).items;
    expect(listed.length).toBe(20);
    expect(rows.slice(1)).toEqual(
      listed.map((e) => [
        localTime(e.occurredAt, 'Asia/Seoul'),
        e.category === 'member' ? 'Member' : 'Site',
        `Export ${e.action.slice('export.'.length)}`,
        e.action,
        e.actorName ? `${e.actorName} (${e.actorLabel})` : e.actorLabel!,
        e.organizationName!,
        e.ip!,
        'Edge on Windows',
        e.details === null ? '' : JSON.stringify(e.details),
      ]),
    );
    // A value that looks like a formula stays text.
    expect(rows.some((r) => r[8]!.includes('=SUM(A1:A9)'))).toBe(true);
  });

  it('writes Korean headers for a Korean user and times in the time zone asked for', async () => {
    const { rows, sheet } = await download(admin, `/api/v1/admin/activity/export?${range}&q=export.7&tz=America/Los_Angeles`, 'ko-KR,ko;q=0.9');
    expect(sheet.name).toBe('사용 기록');
    expect(rows[0]).toEqual(['일시', '분류', '작업', '작업 코드', '사용자', '조직', 'IP 주소', '접속 환경', '상세 내용']);
    expect(rows.slice(1)).toHaveLength(1);
    // export.7: 2031-09-08T07:15:30Z is 00:15:30 in Los Angeles (UTC-7 in September).
    expect(rows[1]!.slice(0, 5)).toEqual(['2031-09-08 00:15:30', '로그인', 'Export 7', 'export.7', 'atrium CLI']);
  });

  it("limits an organization's export to it and checks the range before sending anything", async () => {
    const { rows } = await download(owner, `/api/v1/organizations/${orgA}/activity/export?${range}`);
    const listed = (await page(owner, `/api/v1/organizations/${orgA}/activity?${range}&limit=200`)).items;
    expect(rows.slice(1).map((r) => r[3])).toEqual(listed.map((e) => e.action));
    expect(listed).toHaveLength(22);
    expect(new Set(rows.slice(1).map((r) => r[5]))).toEqual(new Set(['Hanbit Energy']));
    const inverted = await owner.inject('GET', `/api/v1/organizations/${orgA}/activity/export?from=2031-09-10&to=2031-09-01`);
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.code).toBe('audit.invalid_range');
  });

  it('exports an empty range as a header row only', async () => {
    const { rows } = await download(admin, '/api/v1/admin/activity/export?from=2040-01-01&to=2040-01-02');
    expect(rows).toHaveLength(1);
  });
});
