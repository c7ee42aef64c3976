import { contractStanding, dueReminder } from '../../../common/contracts';
import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { queueMail } from '../../platform/mail';
import { getServiceName } from '../settings/settings.service';
import { contractReminderEmail } from './entitlements.emails';
import {
  findActiveRecipient,
  findContract,
  insertContractReminder,
  listContractsEndingBetween,
  listOrganizationAdmins,
  listProductNamesCoveredBy,
  type Recipient,
} from './entitlements.repository';

const DAY_MS = 86_400_000;
const isoDate = (instant: Date) => instant.toISOString().slice(0, 10);

type Candidate = Awaited<ReturnType<typeof listContractsEndingBetween>>[number];

/** Sends one contract's due reminder unless it was sent already; true when it was sent now. */
async function sendReminder(ctx: ServiceContext, candidate: Candidate, now: Date, service: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    // Read again: the contract may have been renewed or deleted since the list was read.
    const contract = await findContract(tx, candidate.contract.organizationId, candidate.contract.id);
    if (!contract) return false;
    const daysBefore = dueReminder(contract.endsOn, now);
    if (daysBefore === null) return false;
    // The row is the "sent once" guard across runs and servers; mail is queued only when it is new.
    if (!(await insertContractReminder(tx, { contractId: contract.id, endsOn: contract.endsOn, daysBefore, sentAt: now }))) return false;
    const recipients = new Map<string, Recipient & { audience: 'customer' | 'account_manager' }>();
    for (const admin of await listOrganizationAdmins(tx, contract.organizationId)) recipients.set(admin.email.toLowerCase(), { ...admin, audience: 'customer' });
    const manager = candidate.accountManagerId ? await findActiveRecipient(tx, candidate.accountManagerId) : undefined;
    if (manager) recipients.set(manager.email.toLowerCase(), { ...manager, audience: 'account_manager' });
    const products = await listProductNamesCoveredBy(tx, contract);
    const { daysLeft } = contractStanding(contract, now);
    for (const recipient of recipients.values()) {
      await queueMail(
        tx,
        contractReminderEmail({
          to: recipient.email,
          locale: recipient.locale,
          organizationName: candidate.organizationName,
          siteName: candidate.siteName,
          endsOn: contract.endsOn,
          daysLeft: daysLeft ?? daysBefore,
          products,
          audience: recipient.audience,
          url: recipient.audience === 'customer' ? `${ctx.baseUrl}/portal/contact` : `${ctx.baseUrl}/console/customers/${contract.organizationId}?tab=products`,
          service,
        }),
      );
    }
    await recordAudit(tx, {
      category: 'contract',
      action: 'contract.reminder.sent',
      actorLabel: 'Atrium',
      organizationId: contract.organizationId,
      targetType: 'contract',
      targetId: contract.id,
      details: { siteId: contract.siteId, site: candidate.siteName, endsOn: contract.endsOn, daysBefore, daysLeft, products, recipients: [...recipients.values()].map((r) => r.email) },
      occurredAt: now,
    });
    return true;
  });
}

/**
 * The daily job: for each contract of an active organization whose reminder (90, 30 or 7 days
 * before its end) is due, emails the organization's owners and admins and its account manager,
 * once per contract, end date and threshold. A threshold passed while a closer one is due is
 * skipped (only the closest is sent). A renewal changes the end date, so reminders start again.
 * Returns how many contracts were reminded now; one contract failing does not stop the others.
 */
export async function sendDueContractReminders(ctx: ServiceContext): Promise<{ sent: number }> {
  const now = ctx.clock.now();
  const candidates = await listContractsEndingBetween(ctx.db, isoDate(now), isoDate(new Date(now.getTime() + 91 * DAY_MS)));
  const service = await getServiceName(ctx);
  let sent = 0;
  const failures: unknown[] = [];
  for (const candidate of candidates) {
    if (dueReminder(candidate.contract.endsOn, now) === null) continue;
    try {
      if (await sendReminder(ctx, candidate, now, service)) sent += 1;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `contract reminders: ${failures.length} of ${candidates.length} failed`);
  return { sent };
}
