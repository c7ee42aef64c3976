import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { CaseSide } from '../../../common/cases';
import { cases } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { prepared } from '../../platform/prepared';
import { requireActor } from '../../platform/http/auth-plugin';
import { requireOrganizationAccess, type OrganizationAccess } from '../organizations/organization-access';
import { caseSideFor } from './cases.policy';

export type CaseRow = typeof cases.$inferSelect;

/** A case the actor may see, with the side they work it from. */
export interface CaseAccess {
  actor: Actor;
  organization: OrganizationAccess['organization'];
  standing: OrganizationAccess['standing'];
  caseRow: CaseRow;
  side: CaseSide;
}

/** The case in the path's organization (`:caseId`), or 404 `cases.not_found` when the actor may not see it. */
export async function requireCaseAccess(db: Db, request: FastifyRequest, options: { forUpdate?: boolean } = {}): Promise<CaseAccess> {
  const actor = requireActor(request);
  const { organization, standing } = requireOrganizationAccess(request);
  const caseId = (request.params as { caseId?: string }).caseId;
  if (!caseId) throw new Error(`route ${request.routeOptions.url} has no :caseId`);
  const [caseRow] = options.forUpdate
    ? await db.select().from(cases).where(and(eq(cases.id, caseId), eq(cases.organizationId, organization.id))).limit(1).for('update')
    : await prepared(db, 'find_case_of_organization', (d) =>
        d
          .select()
          .from(cases)
          .where(and(eq(cases.id, sql.placeholder('caseId')), eq(cases.organizationId, sql.placeholder('organizationId'))))
          .limit(1)
          .prepare('find_case_of_organization'),
      ).execute({ caseId, organizationId: organization.id });
  if (!caseRow) throw new AppError('cases.not_found', 404);
  const side = caseSideFor(standing, caseRow.siteId);
  // A member without access to the case's site learns nothing about it.
  if (!side) throw new AppError('cases.not_found', 404);
  return { actor, organization, standing, caseRow, side };
}

/** Loads the case again inside a transaction, locked, for a change (the access was checked before). */
export async function lockCase(tx: Db, caseId: string): Promise<CaseRow> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).limit(1).for('update');
  if (!row) throw new AppError('cases.not_found', 404);
  return row;
}
