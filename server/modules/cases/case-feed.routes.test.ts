import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../../common/errors';
import { CasePost, CasePostPage, MentionCandidates } from '../../../common/schemas/cases';
import { auditEvents, caseEvents, casePostMentions, casePosts, cases, caseSubscriptions, feedItems, organizations } from '../../db/schema/index';
import { buildPost } from '../../test/case-factories';
import { buildMember, buildUser } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { buildCaseScenario, signInCaseMember, signInUser, uploadAs, XSS_PAYLOADS, type CaseScenario } from './case-feed.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const MINUTE = 60_000;

async function postAs(client: CaseScenario['requester'], s: CaseScenario, payload: Record<string, unknown>) {
  return client.inject('POST', `${s.base}/posts`, payload);
}

async function readPage(client: CaseScenario['requester'], s: CaseScenario, query = ''): Promise<CasePostPage> {
  const response = await client.inject('GET', `${s.base}/posts${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return CasePostPage.parse(response.json());
}

const postsOf = (caseId: string) => t.ctx.db.select().from(casePosts).where(eq(casePosts.caseId, caseId));
const caseOf = async (caseId: string) => (await t.ctx.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;

describe('GET /api/v1/organizations/:organizationId/cases/:caseId/posts', () => {
  it('lists posts newest first and walks every page with the cursor, ties on the time included', async () => {
    const s = await buildCaseScenario(t);
    const start = t.clock.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const post = await buildPost(t.ctx, { caseId: s.caseId, organizationId: s.organizationId, authorId: s.requester.userId, body: `post ${i}`, createdAt: new Date(start.getTime() + i * MINUTE) });
      ids.push(post.id);
    }
    // Three posts at the same instant: the id breaks the tie, and paging loses none of them.
    const sameTime = new Date(start.getTime() + 10 * MINUTE);
    for (let i = 0; i < 3; i += 1) ids.push((await buildPost(t.ctx, { caseId: s.caseId, organizationId: s.organizationId, body: `tie ${i}`, createdAt: sameTime })).id);

    const seen: CasePost[] = [];
    let cursor: string | null = null;
    do {
      const page: CasePostPage = await readPage(s.requester, s, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(new Set(seen.map((p) => p.id)).size).toBe(8);
    const times = seen.map((p) => Date.parse(p.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(seen.slice(3).map((p) => p.body)).toEqual(['post 4', 'post 3', 'post 2', 'post 1', 'post 0']);
  });

  it('refuses a cursor it did not write with 400', async () => {
    const s = await buildCaseScenario(t);
    for (const cursor of ['nonsense', Buffer.from('2024-01-01|x').toString('base64url'), Buffer.from("2024-01-01T00:00:00.000000Z|1' or 1=1").toString('base64url')]) {
      const response = await s.requester.inject('GET', `${s.base}/posts?cursor=${cursor}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
  });
});

describe('POST /api/v1/organizations/:organizationId/cases/:caseId/posts', () => {
  it('writes a public post with the author, bumps the update time, subscribes the author and logs case.post.created', async () => {
    const s = await buildCaseScenario(t);
    const colleague = await signInCaseMember(t, s.organizationId, 'admin');
    t.clock.advance(MINUTE);
    const response = await postAs(colleague, s, { body: 'The pump **still** stops at 03:00.' });
    expect(response.statusCode, response.body).toBe(201);
    const post = CasePost.parse(response.json());
    expect(post).toMatchObject({ author: { id: colleague.userId, name: colleague.name, side: 'customer' }, internal: false, body: 'The pump **still** stops at 03:00.', mentions: [], attachments: [] });
    expect((await caseOf(s.caseId)).updatedAt.getTime()).toBe(t.clock.now().getTime());
    const [subscription] = await t.ctx.db.select().from(caseSubscriptions).where(and(eq(caseSubscriptions.caseId, s.caseId), eq(caseSubscriptions.userId, colleague.userId)));
    expect(subscription?.reason).toBe('follow');
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.post.created'), eq(auditEvents.targetId, s.caseId)));
    expect(audit).toMatchObject({ category: 'case', organizationId: s.organizationId, actorUserId: colleague.userId });
    expect(audit!.details).toMatchObject({ postId: post.id });
  });

  it('names the staff role of a staff author (an account manager is no engineer), none for a customer', async () => {
    const s = await buildCaseScenario(t);
    const accountManager = await signInUser(t, { staffRole: 'account_manager' });
    await t.ctx.db.update(organizations).set({ accountManagerId: accountManager.userId }).where(eq(organizations.id, s.organizationId));
    expect((await postAs(s.requester, s, { body: 'Still failing.' })).statusCode).toBe(201);
    t.clock.advance(MINUTE);
    expect((await postAs(s.engineer, s, { body: 'Looking at it.' })).statusCode).toBe(201);
    t.clock.advance(MINUTE);
    const fromAccountManager = await postAs(accountManager, s, { body: 'I will join the call.' });
    expect(fromAccountManager.statusCode, fromAccountManager.body).toBe(201);
    expect(CasePost.parse(fromAccountManager.json()).author).toMatchObject({ side: 'engineer', staffRole: 'account_manager' });
    const authors = (await readPage(s.requester, s)).items.map((post) => post.author);
    expect(authors).toEqual([
      { id: accountManager.userId, name: accountManager.name, side: 'engineer', staffRole: 'account_manager' },
      { id: s.engineer.userId, name: s.engineer.name, side: 'engineer', staffRole: 'support_engineer' },
      { id: s.requester.userId, name: s.requester.name, side: 'customer', staffRole: null },
    ]);
  });

  it('keeps internal notes from customers: not in their feed, attachments, downloads, My feed or email', async () => {
    const s = await buildCaseScenario(t);
    const note = await postAs(s.engineer, s, { body: 'Customer runs unsupported firmware; do not tell them yet.', internal: true, mentionIds: [s.accountManager.id] });
    expect(note.statusCode, note.body).toBe(201);
    // The note's file goes onto the note itself: it is never a case attachment customers could list.
    const upload = await uploadAs(t, s.engineer, s.base, 'internal-analysis.txt', 'root cause: firmware 2.1', 'application/octet-stream', note.json().id);
    expect(upload.statusCode, upload.body).toBe(201);
    const attachmentId = upload.json().id as string;
    expect(upload.json()).toMatchObject({ postId: note.json().id });
    expect(note.json()).toMatchObject({ internal: true, mentions: [{ id: s.accountManager.id }] });
    const [withFile] = (await readPage(s.engineer, s)).items;
    expect(withFile).toMatchObject({ id: note.json().id, attachments: [{ id: attachmentId }] });

    const engineerView = await readPage(s.engineer, s);
    expect(engineerView.items.map((p) => p.id)).toContain(note.json().id);
    const customerView = await readPage(s.requester, s);
    expect(customerView.items).toEqual([]);
    expect(JSON.stringify(customerView)).not.toContain('firmware');

    const customerAttachments = await s.requester.inject('GET', `${s.base}/attachments`);
    expect(customerAttachments.json().items).toEqual([]);
    const engineerAttachments = await s.engineer.inject('GET', `${s.base}/attachments`);
    expect(engineerAttachments.json().items.map((a: { id: string }) => a.id)).toEqual([attachmentId]);
    const download = await s.requester.inject('GET', `${s.base}/attachments/${attachmentId}/content`);
    expect(download.statusCode).toBe(404);
    expect(download.json().error.code).toBe('cases.attachment_not_found');
    // Its "attachment added" row is marked internal, and the customer's history leaves it out.
    const history = await t.ctx.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, s.caseId), eq(caseEvents.kind, 'attachment_added')));
    expect(history.map((row) => row.details)).toEqual([expect.objectContaining({ attachmentId, internal: true })]);
    const customerHistory = (await s.requester.inject('GET', `${s.base}/history`)).json() as { items: { kind: string }[] };
    expect(customerHistory.items.map((item) => item.kind)).not.toContain('attachment_added');

    await t.drainJobs();
    expect(t.mail.to(s.requester.email)).toEqual([]);
    const requesterFeed = await t.ctx.db.select().from(feedItems).where(eq(feedItems.userId, s.requester.userId));
    expect(requesterFeed).toEqual([]);
    // The account manager was mentioned in the note: they hear of it.
    expect(t.mail.last(s.accountManager.email).text).toContain('do not tell them yet');
    // The organization's own activity log (read by its owners) does not show the note.
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.note.created'), eq(auditEvents.targetId, s.caseId)));
    expect(audit).toMatchObject({ organizationId: null, actorUserId: s.engineer.userId });
  });

  it('refuses to move a case attachment onto an internal note (422), and a file for a post that is not the uploader\'s (404)', async () => {
    const s = await buildCaseScenario(t);
    const upload = await uploadAs(t, s.engineer, s.base, 'visible.txt', 'already visible to the customer');
    const refused = await postAs(s.engineer, s, { body: 'note', internal: true, attachmentIds: [upload.json().id] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('cases.note_attachments_after_post');
    expect(await postsOf(s.caseId)).toEqual([]);
    const customerPost = await postAs(s.requester, s, { body: 'my post' });
    const notMine = await uploadAs(t, s.engineer, s.base, 'x.txt', 'x', 'application/octet-stream', customerPost.json().id);
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.code).toBe('cases.post_not_found');
  });

  it('refuses internal: true from a customer with 403 and writes nothing', async () => {
    const s = await buildCaseScenario(t);
    const response = await postAs(s.requester, s, { body: 'let me see', internal: true });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.forbidden');
    expect(await postsOf(s.caseId)).toEqual([]);
  });

  it('refuses a public post on a closed or abandoned case with 409 cases.closed, while engineers may still add internal notes', async () => {
    for (const status of ['closed', 'abandoned'] as const) {
      const s = await buildCaseScenario(t, { status });
      for (const client of [s.requester, s.engineer]) {
        const response = await postAs(client, s, { body: 'one more thing' });
        expect(response.statusCode).toBe(409);
        expect(response.json().error.code).toBe('cases.closed');
      }
      const note = await postAs(s.engineer, s, { body: 'note for later', internal: true });
      expect(note.statusCode, note.body).toBe(201);
      expect((await postsOf(s.caseId)).map((p) => p.visibility)).toEqual(['internal']);
    }
  });

  it('answers 404 for a case of another organization, and for a member without access to its site', async () => {
    const s = await buildCaseScenario(t);
    const other = await buildCaseScenario(t);
    // Through the other organization's path: the organization is not theirs.
    const foreign = await postAs(other.requester, s, { body: 'hello' });
    expect(foreign.statusCode).toBe(404);
    // Through their own organization with this case's id: the case is not in it.
    const crossed = await other.requester.inject('POST', `/api/v1/organizations/${other.organizationId}/cases/${s.caseId}/posts`, { body: 'hello' });
    expect(crossed.statusCode).toBe(404);
    const siteB = await signInCaseMember(t, s.organizationId, 'support', [s.siteB.id]);
    const hidden = await postAs(siteB, s, { body: 'hello' });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('cases.not_found');
    expect((await siteB.inject('GET', `${s.base}/posts`)).statusCode).toBe(404);
    expect(await postsOf(s.caseId)).toEqual([]);
  });

  it('refuses a mention of someone outside the organization (or unknown, or without access) with 422 and writes nothing', async () => {
    const s = await buildCaseScenario(t);
    const other = await buildCaseScenario(t);
    const stranger = await buildUser(t.ctx, { name: 'Stranger Danger' });
    const siteBMember = await signInCaseMember(t, s.organizationId, 'support', [s.siteB.id]);
    const viewer = await signInCaseMember(t, s.organizationId, 'viewer', [s.siteA.id]);
    const before = await t.ctx.db.select().from(caseSubscriptions).where(eq(caseSubscriptions.caseId, s.caseId));
    for (const id of [other.requester.userId, stranger.id, '00000000-0000-4000-8000-000000000000', siteBMember.userId, viewer.userId, other.engineer.userId]) {
      const response = await postAs(s.requester, s, { body: `hi @someone`, mentionIds: [id] });
      expect(response.statusCode, id).toBe(422);
      expect(response.json().error.code).toBe('cases.mention_not_allowed');
      // The message names nobody: an id means nothing to a person, and a name from another
      // organization would leak. Clients find the refused ids in the details.
      const { message, details } = response.json().error;
      expect(message).not.toContain(id);
      expect(message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(message).not.toContain('Stranger');
      expect([errorMessage('cases.mention_not_allowed', 'en'), errorMessage('cases.mention_not_allowed', 'ko')]).toContain(message);
      expect(details).toEqual({ userId: id, userIds: [id] });
    }
    // Several refused at once: every refused id is listed, the allowed ones are not.
    const several = await postAs(s.requester, s, { body: 'hi', mentionIds: [s.accountManager.id, stranger.id, other.requester.userId] });
    expect(several.statusCode).toBe(422);
    expect(several.json().error.details).toEqual({ userId: stranger.id, userIds: [stranger.id, other.requester.userId] });
    expect(await postsOf(s.caseId)).toEqual([]);
    expect(await t.ctx.db.select().from(caseSubscriptions).where(eq(caseSubscriptions.caseId, s.caseId))).toEqual(before);
  });

  it('lets an internal note mention only the account team', async () => {
    const s = await buildCaseScenario(t);
    const refused = await postAs(s.engineer, s, { body: 'ask @requester', internal: true, mentionIds: [s.requester.userId] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('cases.mention_not_allowed');
    expect(refused.json().error.message).not.toContain(s.requester.name);
    expect(refused.json().error.message).not.toContain(s.requester.userId);
    expect(refused.json().error.details).toEqual({ userId: s.requester.userId, userIds: [s.requester.userId] });
    const allowed = await postAs(s.engineer, s, { body: 'FYI', internal: true, mentionIds: [s.accountManager.id, s.successManager.id] });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });

  it('records mentions, subscribes and notifies the mentioned person', async () => {
    const s = await buildCaseScenario(t);
    const colleague = await signInCaseMember(t, s.organizationId, 'owner', [], '김민수');
    const response = await postAs(s.requester, s, { body: '@김민수 @Account please look', mentionIds: [colleague.userId, s.accountManager.id, colleague.userId] });
    expect(response.statusCode, response.body).toBe(201);
    const post = CasePost.parse(response.json());
    expect(post.mentions.map((m) => m.id).sort()).toEqual([colleague.userId, s.accountManager.id].sort());
    expect((await t.ctx.db.select().from(casePostMentions).where(eq(casePostMentions.postId, post.id))).length).toBe(2);
    const subscriptions = await t.ctx.db.select().from(caseSubscriptions).where(eq(caseSubscriptions.caseId, s.caseId));
    expect(subscriptions.find((row) => row.userId === colleague.userId)?.reason).toBe('mention');
    expect(subscriptions.find((row) => row.userId === s.accountManager.id)?.reason).toBe('mention');
    const [item] = await t.ctx.db.select().from(feedItems).where(eq(feedItems.userId, colleague.userId));
    expect(item).toMatchObject({ kind: 'case_mention', caseId: s.caseId, actorId: s.requester.userId, organizationId: s.organizationId });
    expect(item!.details).toMatchObject({ postId: post.id, excerpt: '@김민수 @Account please look' });
    await t.drainJobs();
    expect(t.mail.last(colleague.email).text).toContain('mentioned you');
  });

  it('puts the author’s own uploads on the post, and refuses others’, used and unknown attachments', async () => {
    const s = await buildCaseScenario(t);
    const mine = (await uploadAs(t, s.requester, s.base, 'trend.csv', 'time,value\n1,2\n')).json().id as string;
    const theirs = (await uploadAs(t, s.engineer, s.base, 'patch-notes.txt', 'notes')).json().id as string;
    const otherCase = await buildCaseScenario(t);
    const elsewhere = (await uploadAs(t, otherCase.requester, otherCase.base, 'x.txt', 'x')).json().id as string;

    for (const id of [theirs, elsewhere, '00000000-0000-4000-8000-000000000001']) {
      const refused = await postAs(s.requester, s, { body: 'see attached', attachmentIds: [id] });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('cases.attachment_not_found');
    }
    const response = await postAs(s.requester, s, { body: 'see attached', attachmentIds: [mine] });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().attachments).toEqual([expect.objectContaining({ id: mine, name: 'trend.csv', postId: response.json().id, contentType: 'text/plain' })]);
    const again = await postAs(s.requester, s, { body: 'again', attachmentIds: [mine] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('cases.attachment_in_use');
    expect((await postsOf(s.caseId)).length).toBe(1);
  });

  it("sends a case waiting on the customer back to Researching when the customer answers (Waiting on Response and Answered)", async () => {
    for (const status of ['waiting_on_response', 'answered'] as const) {
      const s = await buildCaseScenario(t, { status });
      t.clock.advance(MINUTE);
      const response = await postAs(s.requester, s, { body: 'Here are the logs you asked for.' });
      expect(response.statusCode, response.body).toBe(201);
      const row = await caseOf(s.caseId);
      expect(row.status).toBe('researching');
      const events = await t.ctx.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, s.caseId), eq(caseEvents.kind, 'status')));
      expect(events).toEqual([expect.objectContaining({ fromValue: status, toValue: 'researching', actorId: s.requester.userId })]);
      // The engineer following the case hears of the change in My feed.
      const items = await t.ctx.db.select().from(feedItems).where(and(eq(feedItems.userId, s.engineer.userId), eq(feedItems.caseId, s.caseId)));
      expect(items.map((i) => i.kind).sort()).toEqual(['case_post', 'case_status']);
    }
  });

  it("does not move a case on an engineer's post, and stamps the first response only on the engineer's first public post", async () => {
    const s = await buildCaseScenario(t, { status: 'waiting_on_response' });
    t.clock.advance(MINUTE);
    await postAs(s.engineer, s, { body: 'internal first', internal: true });
    expect((await caseOf(s.caseId)).firstResponseAt).toBeNull();
    t.clock.advance(MINUTE);
    const first = t.clock.now();
    await postAs(s.engineer, s, { body: 'Could you send the logs?' });
    t.clock.advance(MINUTE);
    await postAs(s.engineer, s, { body: 'Reminder.' });
    const row = await caseOf(s.caseId);
    expect(row.status).toBe('waiting_on_response');
    expect(row.firstResponseAt?.getTime()).toBe(first.getTime());
  });

  it('stores and returns XSS payloads verbatim (the web renders them inert)', async () => {
    const s = await buildCaseScenario(t);
    for (const payload of XSS_PAYLOADS) {
      const response = await postAs(s.requester, s, { body: payload });
      expect(response.statusCode, payload).toBe(201);
      expect(response.json().body).toBe(payload);
    }
    const page = await readPage(s.requester, s, '?limit=100');
    expect(page.items.map((p) => p.body).sort()).toEqual([...XSS_PAYLOADS].sort());
    expect((await postsOf(s.caseId)).map((p) => p.body).sort()).toEqual([...XSS_PAYLOADS].sort());
  });

  it('keeps emoji and other 4-byte characters in posts', async () => {
    const s = await buildCaseScenario(t);
    const body = '펌프가 멈췄어요 😱🔥 𠜎𠜱 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👍🏽';
    const response = await postAs(s.requester, s, { body });
    expect(response.json().body).toBe(body);
    expect((await readPage(s.engineer, s)).items[0]!.body).toBe(body);
  });

  it('refuses an empty body and control characters with 400', async () => {
    const s = await buildCaseScenario(t);
    for (const body of ['', '   ', 'bell\u0007']) {
      const response = await postAs(s.requester, s, { body });
      expect(response.statusCode).toBe(400);
    }
  });
});

describe('GET /api/v1/organizations/:organizationId/cases/:caseId/mention-candidates', () => {
  it("lists the members who see the case and the account team, matching name or email (Korean by substring), at most 10", async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner', [], '박서연');
    const siteA = await signInCaseMember(t, s.organizationId, 'super', [s.siteA.id], '김민수');
    const siteB = await signInCaseMember(t, s.organizationId, 'support', [s.siteB.id], '김민지');
    const viewer = await signInCaseMember(t, s.organizationId, 'viewer', [s.siteA.id], '김민호');
    const inactiveUser = await buildUser(t.ctx, { name: '김민재' });
    await buildMember(t.ctx, { organizationId: s.organizationId, userId: inactiveUser.id, role: 'admin' });
    await t.database.raw(`update members set status = 'inactive' where user_id = $1`, [inactiveUser.id]);

    const all = await s.requester.inject('GET', `${s.base}/mention-candidates`);
    expect(all.statusCode, all.body).toBe(200);
    const items = MentionCandidates.parse(all.json()).items;
    expect(items.map((c) => c.id).sort()).toEqual([s.requester.userId, owner.userId, siteA.userId, s.accountManager.id, s.successManager.id].sort());
    expect(items.find((c) => c.id === s.accountManager.id)?.role).toBe('account_manager');
    expect(items.find((c) => c.id === s.successManager.id)?.role).toBe('success_manager');
    expect(items.find((c) => c.id === owner.userId)).toMatchObject({ role: 'member', name: '박서연', email: owner.email });
    expect(items.map((c) => c.id)).not.toContain(siteB.userId);
    expect(items.map((c) => c.id)).not.toContain(viewer.userId);

    const korean = await s.engineer.inject('GET', `${s.base}/mention-candidates?q=${encodeURIComponent('민')}`);
    expect(korean.json().items.map((c: { name: string }) => c.name)).toEqual(['김민수']);
    // A Korean query typed decomposed (NFD, as macOS may send it) still matches.
    const decomposed = await s.engineer.inject('GET', `${s.base}/mention-candidates?q=${encodeURIComponent('김민'.normalize('NFD'))}`);
    expect(decomposed.json().items.map((c: { name: string }) => c.name)).toEqual(['김민수']);
    const byEmail = await s.requester.inject('GET', `${s.base}/mention-candidates?q=${encodeURIComponent(owner.email.toUpperCase())}`);
    expect(byEmail.json().items.map((c: { id: string }) => c.id)).toEqual([owner.userId]);
    const wildcard = await s.requester.inject('GET', `${s.base}/mention-candidates?q=${encodeURIComponent('%')}`);
    expect(wildcard.json().items).toEqual([]);

    for (let i = 0; i < 12; i += 1) await signInCaseMember(t, s.organizationId, 'admin', [], `Crowd ${String(i).padStart(2, '0')}`);
    const crowd = await s.requester.inject('GET', `${s.base}/mention-candidates?q=crowd`);
    expect(crowd.json().items).toHaveLength(10);
  });
});

describe('GET /api/v1/organizations/:organizationId/cases/:caseId/remote-sessions', () => {
  it('lists the remote sessions linked to the case, none at first', async () => {
    const s = await buildCaseScenario(t);
    const empty = await s.requester.inject('GET', `${s.base}/remote-sessions`);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ items: [] });
    const sessionId = '11111111-1111-4111-8111-111111111111';
    await t.database.raw('insert into case_remote_sessions (case_id, session_id, linked_at) values ($1, $2, $3)', [s.caseId, sessionId, t.clock.now().toISOString()]);
    const listed = await s.engineer.inject('GET', `${s.base}/remote-sessions`);
    expect(listed.json()).toEqual({ items: [{ sessionId, linkedAt: t.clock.now().toISOString() }] });
    const outsider = await signInUser(t);
    expect((await outsider.inject('GET', `${s.base}/remote-sessions`)).statusCode).toBe(404);
  });
});
