import type { CreateContractBody, RenewContractBody, SupportContract, UpdateContractBody } from '../../../common/schemas/entitlements';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { conflict, fieldError, notFound } from '../../platform/errors';
import type { OrganizationAccess } from '../organizations/organization-access';
import { findSite } from '../organizations/organizations.repository';
import { lockOrganizationForChange } from '../organizations/organizations.service';
import { standingOf } from './contract-standing';
import { contractAudit, contractSnapshot } from './entitlements.audit';
import { deleteContract, findContract, findSiteScopeContract, insertContract, updateContract, type SupportContractRow } from './entitlements.repository';

/** A contract as the API shows it, with where it stands at `now`. */
export function presentContract(row: SupportContractRow, now: Date): SupportContract {
  return {
    id: row.id,
    siteId: row.siteId,
    scope: row.scope,
    tier: row.tier,
    reference: row.reference,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    standing: standingOf(row, now),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Refuses an end before the start (ISO dates compare as text). */
function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw fieldError('endsOn', 'contracts.invalid_dates', 'Must not be before the start date');
}

/** The organization's contract, locked with the organization for a change; 404 when it is not the organization's. */
async function getContractForChange(tx: ServiceContext['db'], organizationId: string, contractId: string): Promise<SupportContractRow> {
  await lockOrganizationForChange(tx, organizationId);
  const row = await findContract(tx, organizationId, contractId);
  if (!row) throw notFound();
  return row;
}

/** Adds a support contract to a site: its own (one per site) or one that entitlements name. */
export async function createContract(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, siteId: string, body: CreateContractBody, origin: RequestOrigin): Promise<SupportContract> {
  const organizationId = access.organization.id;
  assertDates(body.startsOn, body.endsOn);
  return ctx.db.transaction(async (tx) => {
    // The lock serializes contract changes in the organization: two "site" contracts cannot both pass the check.
    await lockOrganizationForChange(tx, organizationId);
    if (!(await findSite(tx, organizationId, siteId))) throw notFound('sites.not_found');
    if (body.scope === 'site' && (await findSiteScopeContract(tx, siteId))) throw conflict('contracts.site_contract_exists');
    const now = ctx.clock.now();
    const row = await insertContract(tx, { organizationId, siteId, scope: body.scope, tier: body.tier, reference: body.reference, startsOn: body.startsOn, endsOn: body.endsOn, createdAt: now, updatedAt: now });
    await recordAudit(tx, contractAudit(actor, origin, { action: 'contract.created', organizationId, targetType: 'contract', targetId: row.id, details: { before: null, after: contractSnapshot(row) } }));
    return presentContract(row, now);
  });
}

/** Changes a contract's tier, reference or dates; standings follow at once (they are computed per request). */
export async function updateContractDetails(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  contractId: string,
  body: UpdateContractBody,
  origin: RequestOrigin,
): Promise<SupportContract> {
  const organizationId = access.organization.id;
  return ctx.db.transaction(async (tx) => {
    const current = await getContractForChange(tx, organizationId, contractId);
    const next = { tier: body.tier ?? current.tier, reference: body.reference ?? current.reference, startsOn: body.startsOn ?? current.startsOn, endsOn: body.endsOn ?? current.endsOn };
    assertDates(next.startsOn, next.endsOn);
    const changed = (['tier', 'reference', 'startsOn', 'endsOn'] as const).filter((key) => next[key] !== current[key]);
    const now = ctx.clock.now();
    if (changed.length === 0) return presentContract(current, now);
    const row = await updateContract(tx, contractId, { ...next, updatedAt: now });
    await recordAudit(
      tx,
      contractAudit(actor, origin, {
        action: 'contract.updated',
        organizationId,
        targetType: 'contract',
        targetId: contractId,
        details: { siteId: current.siteId, before: Object.fromEntries(changed.map((key) => [key, current[key]])), after: Object.fromEntries(changed.map((key) => [key, next[key]])) },
      }),
    );
    return presentContract(row, now);
  });
}

/**
 * Renews a contract to a later end date (and optionally a new start). Access returns at once: the
 * standing is computed per request; the new end date also starts a new round of reminders.
 */
export async function renewContract(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, contractId: string, body: RenewContractBody, origin: RequestOrigin): Promise<SupportContract> {
  const organizationId = access.organization.id;
  return ctx.db.transaction(async (tx) => {
    const current = await getContractForChange(tx, organizationId, contractId);
    const startsOn = body.startsOn ?? current.startsOn;
    if (body.endsOn <= current.endsOn) throw fieldError('endsOn', 'contracts.renewal_not_later', 'Must be later than the current end date');
    assertDates(startsOn, body.endsOn);
    const now = ctx.clock.now();
    const row = await updateContract(tx, contractId, { startsOn, endsOn: body.endsOn, updatedAt: now });
    await recordAudit(
      tx,
      contractAudit(actor, origin, {
        action: 'contract.renewed',
        organizationId,
        targetType: 'contract',
        targetId: contractId,
        details: { siteId: current.siteId, before: { startsOn: current.startsOn, endsOn: current.endsOn }, after: { startsOn, endsOn: body.endsOn } },
      }),
    );
    return presentContract(row, now);
  });
}

/** Deletes a contract; entitlements that named it are covered by the site's contract from then on. */
export async function deleteContractOf(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, contractId: string, origin: RequestOrigin): Promise<void> {
  const organizationId = access.organization.id;
  await ctx.db.transaction(async (tx) => {
    const current = await getContractForChange(tx, organizationId, contractId);
    await deleteContract(tx, contractId);
    await recordAudit(tx, contractAudit(actor, origin, { action: 'contract.deleted', organizationId, targetType: 'contract', targetId: contractId, details: { before: contractSnapshot(current), after: null } }));
  });
}
