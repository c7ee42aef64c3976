import { recordAudit } from '../../platform/audit';
import type { RequestOrigin } from '../../platform/context';
import type { Db } from '../../platform/db';

/** The article actions in the activity log (their labels are in the web's activity feature). */
export type ArticleAuditAction =
  | 'article.created'
  | 'article.created_from_case'
  | 'article.updated'
  | 'article.translation.added'
  | 'article.translation.deleted'
  | 'article.published'
  | 'article.unpublished'
  | 'article.verified'
  | 'article.verification.withdrawn'
  | 'article.deleted'
  | 'article.attachment.added'
  | 'article.attachment.deleted'
  | 'article.vote.cast'
  | 'article.vote.withdrawn';

/**
 * Writes an article change to the activity log in the transaction of the change. Staff edits are
 * the vendor's own (no organization); a vote is the voter's organization's, so its owners see it.
 */
export function recordArticleAudit(
  tx: Db,
  entry: { articleId: string; action: ArticleAuditAction; actor: { userId: string; label: string }; origin: RequestOrigin; at: Date; organizationId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  return recordAudit(tx, {
    category: 'article',
    action: entry.action,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    organizationId: entry.organizationId ?? null,
    targetType: 'article',
    targetId: entry.articleId,
    ip: entry.origin.ip,
    client: entry.origin.client,
    details: entry.details ?? null,
    occurredAt: entry.at,
  });
}
