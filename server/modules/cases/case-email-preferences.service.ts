import { CASE_EMAIL_KINDS, type CaseEmailKind } from '../../../common/cases';
import type { CaseEmailPreferences } from '../../../common/schemas/cases';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { badRequest } from '../../platform/errors';
import { findCaseEmailKinds, upsertCaseEmailKinds } from './case-notifications.repository';

/** Which case emails a person gets: every kind until they choose (user_preferences.case_emails). */

const known = (kinds: readonly string[]): CaseEmailKind[] => CASE_EMAIL_KINDS.filter((kind) => kinds.includes(kind));

/** The case emails the actor gets, in the order of CASE_EMAIL_KINDS. */
export async function getCaseEmailPreferences(ctx: ServiceContext, actor: Actor): Promise<CaseEmailPreferences> {
  const chosen = await findCaseEmailKinds(ctx.db, actor.userId);
  return { kinds: chosen === null ? [...CASE_EMAIL_KINDS] : known(chosen) };
}

/** Saves the case emails the actor gets (an empty list: none); a kind named twice answers 400. */
export async function saveCaseEmailPreferences(ctx: ServiceContext, actor: Actor, body: CaseEmailPreferences): Promise<CaseEmailPreferences> {
  if (new Set(body.kinds).size !== body.kinds.length) throw badRequest('validation.failed', { in: 'body', fieldErrors: { kinds: ['each kind at most once'] } });
  const kinds = known(body.kinds);
  await upsertCaseEmailKinds(ctx.db, actor.userId, kinds, ctx.clock.now());
  return { kinds };
}
