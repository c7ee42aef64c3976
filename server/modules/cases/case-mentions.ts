import type { MentionCandidate } from '../../../common/schemas/cases';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { CaseRow } from './case-access';
import { listMentionCandidateRows } from './case-feed.repository';

/**
 * Who may be @mentioned on a case: the organization's members who can see it and its account team
 * (account manager, customer success manager). An internal note is for engineers only, so it may
 * mention only the account team: a customer named there could never read it.
 */

/** How many candidates the autocomplete shows. */
export const MENTION_CANDIDATE_LIMIT = 10;

/** The candidates whose name or email contains `q` (any case; Korean names by substring), at most ten. */
export function listMentionCandidates(db: Db, caseRow: CaseRow, q: string): Promise<MentionCandidate[]> {
  // NFC: a Korean name typed on macOS arrives decomposed, the stored one composed.
  const query = q.normalize('NFC').trim();
  return listMentionCandidateRows(db, { organizationId: caseRow.organizationId, siteId: caseRow.siteId, q: query, limit: MENTION_CANDIDATE_LIMIT });
}

/**
 * The people a post mentions, checked: each must be a candidate (an internal note: of the account
 * team), else 422 `cases.mention_not_allowed`. Its message names nobody (an id means nothing to a
 * person, and the name of someone outside the organization must not leak); `details` lists the
 * refused ids (`userIds`; `userId` is the first) for clients.
 */
export async function resolveMentions(db: Db, caseRow: CaseRow, ids: readonly string[], internal: boolean): Promise<{ id: string; name: string }[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const candidates = await listMentionCandidateRows(db, { organizationId: caseRow.organizationId, siteId: caseRow.siteId, ids: unique, limit: unique.length });
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const refused = unique.filter((id) => {
    const candidate = byId.get(id);
    return !candidate || (internal && candidate.role === 'member');
  });
  if (refused.length > 0) throw new AppError('cases.mention_not_allowed', 422, { userId: refused[0], userIds: refused });
  return unique.map((id) => ({ id, name: byId.get(id)!.name }));
}
