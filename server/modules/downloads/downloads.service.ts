import type { DownloadLink, DownloadLinkBody } from '../../../common/schemas/products';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { assertContractAllowsAccess, findEntitlement, standingOf, type EntitlementWithContract } from '../entitlements/contract-standing';
import type { OrganizationAccess } from '../organizations/organization-access';
import { findOrganizationStanding } from '../organizations/organizations.repository';
import { canOnSite, type OrganizationStanding } from '../organizations/organizations.policy';
import { findCurrentAgreement, hasAcceptedAgreement, insertAgreementAcceptance } from '../products/products.repository';
import { isSoftware } from '../products/products.service';
import { findUserById } from '../users/users.repository';
import { DOWNLOAD_LINK_TTL_MS, readDownloadToken, signDownloadToken, type DownloadClaims } from './download-token';
import { findReleaseFile, insertDownloadEvent, type ReleaseFileRow } from './downloads.repository';

const gone = () => new AppError('files.gone', 410);

/**
 * Whether the standing may download this file of the site's licensed product now: documents need
 * `download.document`, software and updates `download.software` and a contract in force or in grace
 * (else 403 `auth.forbidden` or `contract.expired` / `contract.none`).
 */
function assertStandingMayDownload(ctx: ServiceContext, standing: OrganizationStanding, siteId: string, file: ReleaseFileRow, entitlement: EntitlementWithContract): void {
  if (!canOnSite(standing, 'download.document', siteId)) throw forbidden();
  if (!isSoftware(file.resourceType)) return;
  if (!canOnSite(standing, 'download.software', siteId)) throw forbidden();
  assertContractAllowsAccess(standingOf(entitlement.contract, ctx.clock.now()));
}

/**
 * A short-lived signed link to a file of the product's published releases. Where the product has
 * a licence agreement in force, the user must have accepted that version, or accept it now
 * (`acceptAgreementId`, recorded with who, which version, when and from where); else 403
 * `downloads.agreement_required` with the agreement to show.
 */
export async function createDownloadLink(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  target: { siteId: string; productId: string; fileId: string },
  body: DownloadLinkBody,
  origin: RequestOrigin,
): Promise<DownloadLink> {
  const organizationId = access.organization.id;
  const entitlement = await findEntitlement(ctx.db, target.siteId, target.productId);
  if (!entitlement) throw notFound('products.not_found');
  const file = await findReleaseFile(ctx.db, target.fileId);
  if (!file || file.product.id !== target.productId || !file.release.publishedAt) throw notFound('files.not_found');
  if (file.removedAt) throw gone();
  assertStandingMayDownload(ctx, access.standing, target.siteId, file, entitlement);

  const agreement = await findCurrentAgreement(ctx.db, target.productId);
  if (agreement) {
    if (body.acceptAgreementId === agreement.id) {
      await ctx.db.transaction(async (tx) => {
        const acceptance = await insertAgreementAcceptance(tx, { agreementId: agreement.id, userId: actor.userId, organizationId, ip: origin.ip, acceptedAt: ctx.clock.now() });
        await recordAudit(tx, {
          category: 'download',
          action: 'agreement.accepted',
          actorUserId: actor.userId,
          actorLabel: actor.email,
          organizationId,
          targetType: 'agreement',
          targetId: agreement.id,
          ip: origin.ip,
          client: origin.client,
          details: { product: file.product.name, productId: file.product.id, version: agreement.version, title: agreement.title, acceptanceId: acceptance.id },
        });
      });
    } else if (!(await hasAcceptedAgreement(ctx.db, actor.userId, agreement.id))) {
      throw new AppError('downloads.agreement_required', 403, { agreement });
    }
  }

  const expiresAt = new Date(Math.floor((ctx.clock.now().getTime() + DOWNLOAD_LINK_TTL_MS) / 1000) * 1000);
  const token = signDownloadToken(ctx.box, { fileId: file.id, userId: actor.userId, organizationId, siteId: target.siteId, expiresAt });
  return { url: `/api/v1/downloads/${token}`, expiresAt: expiresAt.toISOString(), fileName: file.fileName, size: file.size, sha256: file.sha256 };
}

/** A download a signed link opened: the file, and who it is for. */
export interface OpenedDownload {
  claims: DownloadClaims;
  file: ReleaseFileRow;
  actorLabel: string;
}

/**
 * Opens the download a signed link names: 403 when the link is altered or expired, 410 when the
 * file was removed (or its bytes are gone). The user's access is checked again, so a member removed
 * or a contract ended since the link was made gets nothing.
 */
export async function openDownload(ctx: ServiceContext, token: string): Promise<OpenedDownload> {
  const claims = readDownloadToken(ctx.box, token, ctx.clock.now());
  const file = await findReleaseFile(ctx.db, claims.fileId);
  if (!file || file.removedAt || !file.release.publishedAt) throw gone();
  const user = await findUserById(ctx.db, claims.userId);
  if (!user || user.status !== 'active') throw forbidden();
  const found = await findOrganizationStanding(ctx.db, claims.organizationId, user.id, user.staffRole);
  if (!found || found.organization.archivedAt) throw forbidden();
  // The site may have lost the product since the link was made.
  const entitlement = await findEntitlement(ctx.db, claims.siteId, file.product.id);
  if (!entitlement) throw forbidden();
  assertStandingMayDownload(ctx, found.standing, claims.siteId, file, entitlement);
  if ((await ctx.blobs.size(file.sha256)) === null) throw gone();
  return { claims, file, actorLabel: user.email };
}

/** Records a download (the event and the activity log entry) before its bytes are sent. */
export async function recordDownload(ctx: ServiceContext, download: OpenedDownload, origin: RequestOrigin): Promise<void> {
  const { claims, file } = download;
  // The event and its log entry carry the same instant, the application's (as the activity log's ranges are).
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await insertDownloadEvent(tx, {
      fileId: file.id,
      releaseId: file.release.id,
      productId: file.product.id,
      userId: claims.userId,
      organizationId: claims.organizationId,
      siteId: claims.siteId,
      ip: origin.ip,
      client: origin.client,
      occurredAt: now,
    });
    await recordAudit(tx, {
      category: 'download',
      action: 'file.downloaded',
      actorUserId: claims.userId,
      actorLabel: download.actorLabel,
      organizationId: claims.organizationId,
      targetType: 'file',
      targetId: file.id,
      ip: origin.ip,
      client: origin.client,
      details: { fileName: file.fileName, version: file.release.version, product: file.product.name, productId: file.product.id, releaseId: file.release.id, siteId: claims.siteId, size: file.size, sha256: file.sha256 },
      occurredAt: now,
    });
  });
}
