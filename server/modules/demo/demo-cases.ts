import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { CaseCategory, CaseStatus } from '../../../common/cases';
import { caseAttachments, caseEvents, casePostMentions, cases, caseSubscriptions, feedItems, products, releases } from '../../db/schema/index';
import type { ServiceContext } from '../../platform/context';
import { buildCase, buildPost } from '../../test/case-factories';
import { planCaseNotices, type CaseNotice, type NoticeRecipient } from '../cases/case-notifications';

const DAY_MS = 86_400_000;

interface DemoPost { by: string; side: 'customer' | 'engineer'; body: string; internal?: boolean; daysAgo: number; mentions?: string[]; attachment?: { name: string; type: string; content: string } }
interface DemoCase {
  site: string;
  requester: string;
  status: CaseStatus;
  category: CaseCategory;
  product: string | null;
  subject: string;
  description: string;
  language: 'ko' | 'en';
  openedDaysAgo: number;
  legacyNumber?: string;
  resolution?: string;
  closedDaysAgo?: number;
  posts: DemoPost[];
}

const ENGINEER = 'support@atrium.example';
const AM = 'am@atrium.example';

/** Cases in every status across the demo sites, with posts in Korean and English, attachments and an old-system number. */
const CASES: DemoCase[] = [
  {
    site: '울산 1공장', requester: 'super@a-petrochem.example', status: 'new', category: 'technical_support', product: 'PI Vision', language: 'ko', openedDaysAgo: 0,
    subject: 'PI Vision 디스플레이가 Edge에서 느리게 열립니다 🐢',
    description: 'PI Vision 2023 디스플레이 중 **트렌드가 20개 이상**인 화면이 Edge에서 30초 이상 걸립니다.\n\n- 서버: PIVISION01\n- 사용자 수: 약 40명',
    posts: [],
  },
  {
    site: '울산 1공장', requester: 'owner@a-petrochem.example', status: 'waiting_on_response', category: 'licensing', product: 'PI Server', language: 'ko', openedDaysAgo: 6,
    subject: 'PI Server 라이선스 파일 재발급 요청',
    description: '서버 교체로 머신 서명이 바뀌었습니다. 새 라이선스 파일이 필요합니다.',
    posts: [
      { by: ENGINEER, side: 'engineer', daysAgo: 5, body: '새 서버에서 생성한 **Machine Signature File(.msf)** 을 첨부해 주세요. 확인 후 바로 발급하겠습니다.' },
      { by: ENGINEER, side: 'engineer', daysAgo: 5, internal: true, body: '내부 메모: 기존 라이선스는 2개 수량 중 1개 사용 중. 재발급 시 기존 키 폐기 필요.' },
    ],
  },
  {
    site: '울산 2공장', requester: 'partner@hanbit-eng.example', status: 'researching', category: 'technical_support', product: 'PI Interfaces', language: 'en', openedDaysAgo: 12,
    subject: 'OPC DA interface drops tags after a buffer overflow',
    description: 'After a network outage of about 10 minutes the interface reconnects but about 150 tags stay at *I/O Timeout*.\n\nLogs attached.',
    posts: [
      { by: 'partner@hanbit-eng.example', side: 'customer', daysAgo: 12, body: 'Interface log from the node, covering the outage.', attachment: { name: 'opcint-log-2026-11.txt', type: 'text/plain', content: 'pipc.log\n[ERR] buffer overflow, 152 events dropped\n[INFO] reconnect ok\n' } },
      { by: ENGINEER, side: 'engineer', daysAgo: 10, body: 'Thanks. We reproduced it in our lab with buffering set to 64 MB; looking at the reconnect path now.' },
      { by: 'partner@hanbit-eng.example', side: 'customer', daysAgo: 9, body: '@정영업 FYI, this blocks the commissioning of unit 2.', mentions: [AM] },
    ],
  },
  {
    site: '울산 1공장', requester: 'super@a-petrochem.example', status: 'answered', category: 'product_usage', product: 'PI Server', language: 'ko', openedDaysAgo: 20,
    subject: 'AF 분석에서 이벤트 프레임 템플릿 복사 방법',
    description: '운전 중인 AF 데이터베이스의 이벤트 프레임 템플릿을 다른 데이터베이스로 옮기고 싶습니다.',
    posts: [
      { by: ENGINEER, side: 'engineer', daysAgo: 18, body: 'PI System Explorer에서 **File > Export to File** 로 XML을 내보낸 뒤 대상 데이터베이스에서 가져오시면 됩니다. 해결되었으면 케이스를 종료해 주세요.' },
    ],
  },
  {
    site: '울산 2공장', requester: 'admin@a-petrochem.example', status: 'pending_fix', category: 'enhancement_request', product: 'PI Vision', language: 'en', openedDaysAgo: 45,
    subject: 'Korean labels are cut off in PI Vision symbols',
    description: 'Multi-state symbols truncate Hangul labels longer than 8 characters.',
    posts: [
      { by: ENGINEER, side: 'engineer', daysAgo: 40, body: 'Confirmed as a defect; the fix is planned for the next PI Vision release. We will update this case when it ships.' },
    ],
  },
  {
    site: '여수 사이트', requester: 'support@a-petrochem.example', status: 'closed', category: 'technical_support', product: 'PI Server', language: 'ko', openedDaysAgo: 200, closedDaysAgo: 150,
    legacyNumber: 'OSI-2019-004521',
    subject: '[이관] 아카이브 파일 손상 복구',
    description: '2019년 이전 시스템에서 이관된 케이스입니다. 아카이브 파일 손상으로 일부 기간 데이터가 조회되지 않았습니다.',
    resolution: '`pidiag -ar` 로 아카이브를 복구하고 백업 주기를 1일로 변경했습니다.',
    posts: [
      { by: ENGINEER, side: 'engineer', daysAgo: 160, body: '복구 절차를 안내드렸습니다. 결과를 알려주세요.' },
      { by: 'support@a-petrochem.example', side: 'customer', daysAgo: 151, body: '복구되었습니다. 감사합니다! 🙏' },
    ],
  },
  {
    site: '울산 1공장', requester: 'owner@a-petrochem.example', status: 'closed', category: 'customer_portal', product: null, language: 'ko', openedDaysAgo: 30, closedDaysAgo: 10,
    subject: '고객 포털 사용자 추가 문의',
    description: '협력사 엔지니어를 울산 2공장에만 접근하도록 추가하는 방법을 알고 싶습니다.',
    resolution: 'Team 탭에서 초대할 때 역할을 Support로, 사이트를 울산 2공장으로 지정하면 됩니다.',
    posts: [{ by: ENGINEER, side: 'engineer', daysAgo: 11, body: 'Team 탭의 초대 기능을 사용하세요. 해결 방법에 자세히 적었습니다.' }],
  },
  {
    site: '여수 사이트', requester: 'support@a-petrochem.example', status: 'abandoned', category: 'sales', product: null, language: 'ko', openedDaysAgo: 90, closedDaysAgo: 60,
    subject: 'PI Vision 추가 라이선스 견적',
    description: 'PI Vision 사용자 10명 추가 견적을 요청합니다.',
    posts: [{ by: AM, side: 'engineer', daysAgo: 80, body: '견적서를 메일로 보내드렸습니다. 추가 문의가 없어 케이스를 정리합니다.' }],
  },
];

/** Someone on a demo case as the notice planner sees them: staff are engineers, everyone else a customer. */
const demoRecipient = (email: string, userId: string): NoticeRecipient => ({
  userId,
  email,
  name: email,
  locale: null,
  staffRole: null,
  memberRole: null,
  hasSite: true,
  caseEmails: null,
  subscribed: true,
  side: email.endsWith('@atrium.example') ? 'engineer' : 'customer',
});

/**
 * The demo's cases, their feeds, history and subscriptions, and the members' My feed items the same
 * events would have written (status changes, posts, mentions: `planCaseNotices`); staff and members
 * by email.
 */
export async function loadDemoCases(tx: ServiceContext, organizationId: string, siteIds: Map<string, string>, people: Map<string, string>): Promise<void> {
  const now = tx.clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
  const productRows = await tx.db.select({ id: products.id, name: products.name, familyId: products.familyId }).from(products);
  const engineerId = people.get(ENGINEER)!;
  for (const spec of CASES) {
    const product = spec.product ? productRows.find((p) => p.name === spec.product) : undefined;
    const [release] = product ? await tx.db.select({ id: releases.id }).from(releases).where(eq(releases.productId, product.id)).limit(1) : [];
    const requesterId = people.get(spec.requester)!;
    const closed = spec.status === 'closed' || spec.status === 'abandoned';
    const lastActivity = Math.min(spec.openedDaysAgo, ...spec.posts.map((p) => p.daysAgo), spec.closedDaysAgo ?? Infinity);
    const row = await buildCase(tx, {
      organizationId,
      siteId: siteIds.get(spec.site)!,
      requesterId,
      assigneeId: spec.status === 'new' ? null : engineerId,
      status: spec.status,
      category: spec.category,
      subject: spec.subject,
      description: spec.description,
      language: spec.language,
      legacyNumber: spec.legacyNumber ?? null,
      productFamilyId: product?.familyId ?? null,
      productId: product?.id ?? null,
      releaseId: release?.id ?? null,
      resolution: spec.resolution ?? null,
      createdAt: at(spec.openedDaysAgo),
      updatedAt: at(lastActivity),
      closedAt: closed ? at(spec.closedDaysAgo ?? 0) : null,
    });
    const firstEngineerPost = spec.posts.filter((p) => p.side === 'engineer' && !p.internal).map((p) => p.daysAgo).sort((a, b) => b - a)[0];
    if (firstEngineerPost !== undefined) await tx.db.update(cases).set({ firstResponseAt: at(firstEngineerPost) }).where(eq(cases.id, row.id));
    await tx.db.insert(caseEvents).values({ caseId: row.id, kind: 'created', actorId: requesterId, createdAt: at(spec.openedDaysAgo) });
    if (spec.status !== 'new') {
      await tx.db.insert(caseEvents).values({ caseId: row.id, kind: 'assignee', actorId: engineerId, toValue: engineerId, createdAt: at(spec.openedDaysAgo) });
      await tx.db.insert(caseSubscriptions).values({ caseId: row.id, userId: engineerId, reason: 'assignee' }).onConflictDoNothing();
      await tx.db.insert(caseEvents).values({ caseId: row.id, kind: 'status', actorId: engineerId, fromValue: 'new', toValue: spec.status, createdAt: at(closed ? (spec.closedDaysAgo ?? 0) : lastActivity) });
    }
    // My feed: each event, in time order, for the subscribers of that moment other than its author.
    const subscribers = new Map([[spec.requester, demoRecipient(spec.requester, requesterId)]]);
    if (spec.status !== 'new') subscribers.set(ENGINEER, demoRecipient(ENGINEER, engineerId));
    const writeFeed = async (actorEmail: string, notice: CaseNotice, createdAt: Date, body?: string) => {
      const actor = demoRecipient(actorEmail, people.get(actorEmail)!);
      const { feed } = planCaseNotices(row, actor, notice, [...subscribers.values()], body);
      const rows = feed.filter(({ recipient }) => recipient.side === 'customer');
      if (rows.length > 0) {
        await tx.db.insert(feedItems).values(rows.map(({ recipient, kind, details }) => ({ userId: recipient.userId, organizationId, kind, caseId: row.id, actorId: actor.userId, details, createdAt })));
      }
    };
    const statusDaysAgo = closed ? (spec.closedDaysAgo ?? 0) : lastActivity;
    let statusWritten = spec.status === 'new';
    for (const post of spec.posts) {
      if (!statusWritten && statusDaysAgo > post.daysAgo) {
        await writeFeed(ENGINEER, { kind: 'status', from: 'new', to: spec.status }, at(statusDaysAgo));
        statusWritten = true;
      }
      const authorId = people.get(post.by)!;
      const created = await buildPost(tx, { caseId: row.id, organizationId, authorId, authorSide: post.side, internal: post.internal ?? false, body: post.body, createdAt: at(post.daysAgo) });
      const mentionIds = (post.mentions ?? []).map((mention) => people.get(mention)!);
      for (const mention of post.mentions ?? []) subscribers.set(mention, demoRecipient(mention, people.get(mention)!));
      await writeFeed(post.by, { kind: 'post', postId: created.id, internal: post.internal ?? false, mentionIds }, at(post.daysAgo), post.body);
      for (const mention of post.mentions ?? []) {
        await tx.db.insert(casePostMentions).values({ postId: created.id, userId: people.get(mention)! });
        await tx.db.insert(caseSubscriptions).values({ caseId: row.id, userId: people.get(mention)!, reason: 'mention' }).onConflictDoNothing();
      }
      if (post.attachment) {
        const staged = await tx.blobs.stage(Readable.from([Buffer.from(post.attachment.content)]), { maxBytes: tx.config.caseAttachmentMaxBytes });
        await staged.commit();
        await tx.db.insert(caseAttachments).values({
          caseId: row.id, organizationId, postId: created.id, name: post.attachment.name, contentType: post.attachment.type, size: staged.size, sha256: staged.sha256, uploadedBy: authorId, uploaderSide: post.side, createdAt: at(post.daysAgo),
        });
      }
    }
    if (!statusWritten) await writeFeed(ENGINEER, { kind: 'status', from: 'new', to: spec.status }, at(statusDaysAgo));
  }
}
