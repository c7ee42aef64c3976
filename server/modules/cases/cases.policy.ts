import { canTransition, isClosedStatus, nextStatuses, reopenStanding, type CaseSide, type CaseStatus } from '../../../common/cases';
import type { CaseAbilities } from '../../../common/schemas/cases';
import { canOnOrganization, canOnSite, type OrganizationStanding } from '../organizations/organizations.policy';

/**
 * Which side of a case the actor works on, or null when they may not see it (the case then answers
 * 404). Vendor staff who answer cases are engineers on every case; a customer member is on the
 * customer side of the cases of the sites they may see cases for (owners and admins: every site).
 */
export function caseSideFor(standing: OrganizationStanding, siteId: string): CaseSide | null {
  if (standing.staffRole !== null && canOnOrganization({ ...standing, memberRole: null }, 'case.answer')) return 'engineer';
  if (standing.memberRole !== null && canOnSite({ ...standing, staffRole: null }, 'case.view', siteId)) return 'customer';
  return null;
}

export interface CaseState {
  status: CaseStatus;
  closedAt: Date | null;
}

/** What the actor may do on the case now; the UI hides what the server would refuse. */
export function caseAbilities(side: CaseSide, state: CaseState, now: Date, reopenWindowDays: number, canCreateCases: boolean): CaseAbilities {
  const engineer = side === 'engineer';
  const closed = isClosedStatus(state.status);
  const reopen = reopenStanding(state.status, state.closedAt, now, reopenWindowDays);
  return {
    side,
    post: !closed,
    writeInternalNote: engineer,
    editDescription: engineer,
    writeResolution: engineer,
    assign: engineer,
    linkContent: engineer,
    attach: !closed,
    // A customer's reopen goes through the reopen request, not a plain transition.
    transitions: engineer || !closed ? nextStatuses(state.status, side) : [],
    requestReopen: !engineer && reopen.canRequestReopen,
    offerNewCase: !engineer && reopen.offerNewCase && canCreateCases,
  };
}

/** True when the side may make the move now (customers reopen through a reopen request, within the window). */
export function mayTransition(side: CaseSide, from: CaseStatus, to: CaseStatus): boolean {
  if (side === 'customer' && isClosedStatus(from)) return false;
  return canTransition(from, to, side);
}

/**
 * True when the actor may remove an attachment: engineers at any time (a file posted by mistake,
 * or holding a secret, is theirs to take down), the person who uploaded it while the case is open.
 */
export function mayRemoveAttachment(side: CaseSide, status: CaseStatus, actorUserId: string, uploadedBy: string | null): boolean {
  if (side === 'engineer') return true;
  return uploadedBy === actorUserId && !isClosedStatus(status);
}
