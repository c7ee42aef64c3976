import { eq, sql } from 'drizzle-orm';
import type { CaseSide, CaseStatus } from '../../../common/cases';
import { caseSubscriptions } from '../../db/schema/index';
import type { ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { caseTopic, organizationTopic, publishLiveEvent, userTopic } from '../../platform/realtime';
import type { CaseRow } from './case-access';

/** Something that happened on a case that people may hear about (emails, My feed, live updates). */
export type CaseNotice =
  | { kind: 'created' }
  | { kind: 'status'; from: CaseStatus; to: CaseStatus }
  | { kind: 'reopen_requested'; reason: string }
  | { kind: 'assigned'; assigneeId: string | null }
  | { kind: 'description' }
  | { kind: 'resolution' }
  | { kind: 'post'; postId: string; internal: boolean; mentionIds: string[] }
  | { kind: 'attachment'; attachmentId: string }
  | { kind: 'link' };

export interface NoticeActor {
  userId: string | null;
  side: CaseSide;
}

/** Subscribes a person to a case (idempotent); subscribers get its emails and My feed items. */
export async function subscribeToCase(tx: Db, caseId: string, userId: string, reason: 'requester' | 'mention' | 'assignee' | 'follow'): Promise<void> {
  await tx.insert(caseSubscriptions).values({ caseId, userId, reason }).onConflictDoNothing();
}

/**
 * Tells the people concerned about a change, in the transaction of the change: emails (by durable
 * jobs), My feed items and a live event, all committed with it or not at all.
 */
export async function notifyCase(tx: Db, _ctx: ServiceContext, caseRow: CaseRow, _actor: NoticeActor, notice: CaseNotice): Promise<void> {
  const subscribers = await tx.select({ userId: caseSubscriptions.userId }).from(caseSubscriptions).where(eq(caseSubscriptions.caseId, caseRow.id));
  await tx.execute(sql`select 1`);
  await publishLiveEvent(tx, {
    topics: [caseTopic(caseRow.id), organizationTopic(caseRow.organizationId), ...subscribers.map((s) => userTopic(s.userId))],
    kind: `case.${notice.kind}`,
    data: { caseId: caseRow.id, organizationId: caseRow.organizationId },
  });
}
