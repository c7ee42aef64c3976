import { CASE_EMAIL_KINDS, formatCaseNumber, type CaseEmailKind, type CaseSide, type CaseStatus } from '../../../common/cases';
import { caseSubscriptions } from '../../db/schema/index';
import type { ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { mailJob } from '../../platform/mail';
import { enqueueJobs, type QueuedJob } from '../../platform/jobs';
import { caseEngineersTopic, caseTopic, liveEventNotice, organizationTopic, userTopic } from '../../platform/realtime';
import type { CaseRow } from './case-access';
import { isCombinedKind, planCaseMails, type CaseMailToQueue } from './case-email-digest';
import { lockHeldCaseMails, writeHeldCaseMails } from './case-email-digest.repository';
import { caseLinkFor } from './case-emails';
import { findPostBody, insertFeedItems, listNoticePeople, type NoticePerson } from './case-notifications.repository';
import { caseSideFor } from './cases.policy';

/** Something that happened on a case that people may hear about (emails, My feed, live updates). */
export type CaseNotice =
  | { kind: 'created' }
  | { kind: 'status'; from: CaseStatus; to: CaseStatus }
  | { kind: 'reopen_requested'; reason: string }
  | { kind: 'assigned'; assigneeId: string | null }
  | { kind: 'description' }
  | { kind: 'resolution' }
  | { kind: 'post'; postId: string; internal: boolean; mentionIds: string[] }
  | { kind: 'attachment'; attachmentId: string; internal?: boolean }
  | { kind: 'link' };

export interface NoticeActor {
  userId: string | null;
  side: CaseSide;
}

/** Subscribes a person to a case (idempotent); subscribers get its emails and My feed items. */
export async function subscribeToCase(tx: Db, caseId: string, userId: string, reason: 'requester' | 'mention' | 'assignee' | 'follow'): Promise<void> {
  await tx.insert(caseSubscriptions).values({ caseId, userId, reason }).onConflictDoNothing();
}

/** The My feed event kinds a case writes (FeedEntry.kind). */
export type CaseFeedKind = 'case_created' | 'case_status' | 'case_post' | 'case_mention' | 'case_reopened';

/** Someone concerned by a case who may still see it, and from which side. */
export interface NoticeRecipient extends NoticePerson {
  side: CaseSide;
}

/** Who hears of a notice, and how. */
export interface NoticePlan {
  emails: { recipient: NoticeRecipient; kind: CaseEmailKind }[];
  feed: { recipient: NoticeRecipient; kind: CaseFeedKind; details: Record<string, unknown> | null }[];
}

/** How much of a post or reason My feed shows. */
export const EXCERPT_LENGTH = 200;

/** The first 200 characters of a text on one line, cut between characters (an emoji stays whole). */
export function excerptOf(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : chars.join('');
}

/**
 * Decides who hears of a notice (pure). Recipients are the subscribers other than the actor, except
 * the Created mail, which confirms to the requester. Status mails: Answered and Waiting to the
 * customers, Closed to everyone. A public post: a Mention mail and feed item to each mentioned
 * person, a Post mail to the subscribers of the other side, a feed item to the rest. An internal
 * note reaches engineers only. A reopen request mails the assignee.
 */
export function planCaseNotices(caseRow: Pick<CaseRow, 'requesterId' | 'assigneeId'>, actor: NoticeActor, notice: CaseNotice, recipients: readonly NoticeRecipient[], postBody?: string): NoticePlan {
  const plan: NoticePlan = { emails: [], feed: [] };
  const others = recipients.filter((r) => r.userId !== actor.userId);
  const subscribers = others.filter((r) => r.subscribed);
  switch (notice.kind) {
    case 'created': {
      const requester = recipients.find((r) => r.userId === caseRow.requesterId);
      if (requester) plan.emails.push({ recipient: requester, kind: 'created' });
      for (const r of subscribers) plan.feed.push({ recipient: r, kind: 'case_created', details: null });
      break;
    }
    case 'status': {
      const mail: CaseEmailKind | null = notice.to === 'answered' ? 'answered' : notice.to === 'waiting_on_response' ? 'waiting' : notice.to === 'closed' ? 'closed' : null;
      for (const r of subscribers) {
        plan.feed.push({ recipient: r, kind: 'case_status', details: { from: notice.from, to: notice.to } });
        if (mail && (mail === 'closed' || r.side === 'customer')) plan.emails.push({ recipient: r, kind: mail });
      }
      break;
    }
    case 'reopen_requested': {
      const excerpt = excerptOf(notice.reason);
      for (const r of subscribers) plan.feed.push({ recipient: r, kind: 'case_reopened', details: { excerpt } });
      const assignee = others.find((r) => r.userId === caseRow.assigneeId && r.side === 'engineer');
      if (assignee) plan.emails.push({ recipient: assignee, kind: 'reopened' });
      break;
    }
    case 'post': {
      const details = { postId: notice.postId, internal: notice.internal, excerpt: excerptOf(postBody ?? '') };
      // Customers never hear of an internal note, even when someone tried to name them in it.
      const audience = notice.internal ? others.filter((r) => r.side === 'engineer') : others;
      const mentioned = new Set(notice.mentionIds);
      for (const r of audience) {
        if (mentioned.has(r.userId)) {
          plan.feed.push({ recipient: r, kind: 'case_mention', details });
          plan.emails.push({ recipient: r, kind: 'mention' });
        } else if (r.subscribed) {
          plan.feed.push({ recipient: r, kind: 'case_post', details });
          if (!notice.internal && r.side !== actor.side) plan.emails.push({ recipient: r, kind: 'post' });
        }
      }
      break;
    }
    default:
      // Assignment, description, resolution, attachments and links: live updates only.
      break;
  }
  return plan;
}

/** True when the person gets this kind of case email (no choice saved: every kind). */
export function wantsCaseEmail(choice: readonly string[] | null, kind: CaseEmailKind): boolean {
  return choice === null ? CASE_EMAIL_KINDS.includes(kind) : choice.includes(kind);
}

/** The people concerned who may still see the case (active member with access, or staff who answer cases), with their side. */
function visibleRecipients(caseRow: CaseRow, people: readonly NoticePerson[]): NoticeRecipient[] {
  const recipients: NoticeRecipient[] = [];
  for (const person of people) {
    const side = caseSideFor({ staffRole: person.staffRole, memberRole: person.memberRole, siteIds: person.hasSite ? [caseRow.siteId] : [] }, caseRow.siteId);
    if (side) recipients.push({ ...person, side });
  }
  return recipients;
}

/**
 * Tells the people concerned about a change, in the transaction of the change: emails (by durable
 * jobs), My feed items and a live event, all committed with it or not at all. The emails due now,
 * the caller's `alsoQueue` jobs (the case's re-index) and the live event go in one statement; a
 * post, reopen or status email first joins the email held for the same person, if any (one email
 * per update, see `case-email-digest.ts`), which costs a read and a write more.
 */
export async function notifyCase(tx: Db, ctx: ServiceContext, caseRow: CaseRow, actor: NoticeActor, notice: CaseNotice, options: { alsoQueue?: readonly QueuedJob[] } = {}): Promise<void> {
  const involved = [
    ...(actor.userId ? [actor.userId] : []),
    ...(caseRow.requesterId ? [caseRow.requesterId] : []),
    ...(notice.kind === 'post' ? notice.mentionIds : []),
    ...(notice.kind === 'reopen_requested' && caseRow.assigneeId ? [caseRow.assigneeId] : []),
  ];
  const people = await listNoticePeople(tx, caseRow, involved);
  const postBody = notice.kind === 'post' ? await findPostBody(tx, notice.postId) : undefined;
  const plan = planCaseNotices(caseRow, actor, notice, visibleRecipients(caseRow, people), postBody);

  const now = ctx.clock.now();
  const number = formatCaseNumber(caseRow.number);
  const actorName = people.find((p) => p.userId === actor.userId)?.name ?? null;
  const mails: CaseMailToQueue[] = [];
  for (const { recipient, kind } of plan.emails) {
    if (!wantsCaseEmail(recipient.caseEmails, kind)) continue;
    const text = notice.kind === 'post' ? postBody : notice.kind === 'reopen_requested' ? notice.reason : undefined;
    mails.push({
      userId: recipient.userId,
      input: {
        kind,
        to: recipient.email,
        locale: recipient.locale ?? caseRow.language,
        side: recipient.side,
        caseId: caseRow.id,
        number,
        subject: caseRow.subject,
        url: caseLinkFor(ctx.baseUrl, recipient.side, caseRow.organizationId, caseRow.id),
        preferencesUrl: `${ctx.baseUrl}/${recipient.side === 'engineer' ? 'console' : 'portal'}/account`,
        actorName,
        ...(text !== undefined ? { text } : {}),
        internal: notice.kind === 'post' && notice.internal,
        reopenWindowDays: ctx.config.caseReopenWindowDays,
        baseUrl: ctx.baseUrl,
      },
    });
  }
  // Emails moments apart to one person become one (case-email-digest.ts): read what is held for them.
  const combined = mails.filter((mail) => isCombinedKind(mail.input.kind)).map((mail) => mail.userId);
  const held = combined.length > 0 ? await lockHeldCaseMails(tx, caseRow.id, combined, now) : [];
  const writes = planCaseMails(mails, held, now);
  await writeHeldCaseMails(tx, writes);
  const queued = writes.now.map(mailJob);
  await insertFeedItems(
    tx,
    plan.feed.map(({ recipient, kind, details }) => ({ userId: recipient.userId, organizationId: caseRow.organizationId, kind, caseId: caseRow.id, actorId: actor.userId, details, createdAt: now })),
  );
  // An internal note (or a file on one) is announced to engineers only, not even as a bare hint.
  const internalOnly = (notice.kind === 'post' && notice.internal) || (notice.kind === 'attachment' && notice.internal === true);
  const listeners = [...people.filter((p) => p.subscribed && (!internalOnly || p.staffRole !== null)).map((p) => p.userId), ...plan.feed.map((f) => f.recipient.userId)];
  const event = liveEventNotice({
    topics: internalOnly
      ? [caseEngineersTopic(caseRow.id), ...new Set(listeners.map(userTopic))]
      : [caseTopic(caseRow.id), organizationTopic(caseRow.organizationId), ...new Set(listeners.map(userTopic))],
    kind: `case.${notice.kind}`,
    data: { caseId: caseRow.id, organizationId: caseRow.organizationId },
  });
  await enqueueJobs(tx, [...queued, ...(options.alsoQueue ?? [])], event);
}
