import type { NotifyAccountManagerBody, NotifyAccountManagerResult } from '../../../common/schemas/entitlements';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { queueMail } from '../../platform/mail';
import type { OrganizationAccess } from '../organizations/organization-access';
import { findSite } from '../organizations/organizations.repository';
import { lockOrganizationForChange } from '../organizations/organizations.service';
import { getServiceName, getSetting } from '../settings/settings.service';
import { findUserByEmail } from '../users/users.repository';
import { findEntitlement, findSiteContract, standingOf } from './contract-standing';
import { contractAudit } from './entitlements.audit';
import { accountManagerNoticeEmail } from './entitlements.emails';
import { findActiveRecipient, hasNotifiedSince, lockNotification } from './entitlements.repository';
import { findProduct } from '../catalog/catalog.repository';

/** One request per member per site per hour: enough to be heard, too few to flood anyone's inbox. */
const NOTICE_INTERVAL_MS = 3_600_000;

/** Who hears it: the organization's account manager, else the vendor's contact email, else the installation's administrator. */
async function findNoticeRecipient(ctx: ServiceContext, accountManagerId: string | null): Promise<{ email: string; locale: 'ko' | 'en' | null; kind: string }> {
  const manager = accountManagerId ? await findActiveRecipient(ctx.db, accountManagerId) : undefined;
  if (manager) return { email: manager.email, locale: manager.locale, kind: 'account_manager' };
  const profile = await getSetting(ctx, 'vendorProfile');
  const email = profile.email || ctx.config.adminEmail;
  const user = await findUserByEmail(ctx.db, email);
  return { email, locale: user?.locale ?? null, kind: profile.email ? 'vendor_contact' : 'administrator' };
}

/**
 * A member's "notify my account manager" about their site's support contract (optionally about one
 * licensed product): emails the account manager in their language and records it in the activity
 * log. 429 `rate_limited` when the same member already asked about the site within the hour.
 */
export async function notifyAccountManager(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  siteId: string,
  body: NotifyAccountManagerBody,
  origin: RequestOrigin,
): Promise<NotifyAccountManagerResult> {
  const organizationId = access.organization.id;
  const now = ctx.clock.now();
  const site = await findSite(ctx.db, organizationId, siteId);
  if (!site) throw notFound('sites.not_found');
  let product: { id: string; name: string } | null = null;
  let contract = await findSiteContract(ctx.db, siteId);
  if (body.productId) {
    const entitlement = await findEntitlement(ctx.db, siteId, body.productId);
    product = entitlement ? ((await findProduct(ctx.db, body.productId)) ?? null) : null;
    if (!entitlement || !product) throw notFound('entitlements.product_not_found');
    contract = entitlement.contract;
  }
  const standing = standingOf(contract, now);
  const recipient = await findNoticeRecipient(ctx, access.organization.accountManagerId);
  const service = await getServiceName(ctx);
  await ctx.db.transaction(async (tx) => {
    const organization = await lockOrganizationForChange(tx, organizationId);
    await lockNotification(tx, actor.userId, siteId);
    if (await hasNotifiedSince(tx, actor.userId, siteId, new Date(now.getTime() - NOTICE_INTERVAL_MS))) throw new AppError('rate_limited', 429);
    await queueMail(
      tx,
      accountManagerNoticeEmail({
        to: recipient.email,
        locale: recipient.locale,
        organizationName: organization.name,
        siteName: site.name,
        memberName: actor.name,
        memberEmail: actor.email,
        productName: product?.name ?? null,
        contract: contract ? { endsOn: contract.endsOn, state: standing.state } : null,
        message: body.message || null,
        customerUrl: `${ctx.baseUrl}/console/customers/${organizationId}?tab=products`,
        service,
      }),
    );
    await recordAudit(tx, {
      ...contractAudit(actor, origin, {
        action: 'contract.account_manager.notified',
        organizationId,
        targetType: 'site',
        targetId: siteId,
        details: {
          site: site.name,
          productId: product?.id ?? null,
          product: product?.name ?? null,
          contractId: contract?.id ?? null,
          endsOn: contract?.endsOn ?? null,
          state: standing.state,
          recipient: recipient.email,
          recipientKind: recipient.kind,
          message: body.message || null,
        },
      }),
      // The hourly limit reads this time back: it follows the application clock.
      occurredAt: now,
    });
  });
  return { notifiedAt: now.toISOString() };
}
