import type { Locale } from '../../common/locale';
import type { CustomerRole, StaffRole } from '../../common/permissions';
import type { organizations } from '../db/schema/index';

/** Who is making a request, resolved from the session cookie or a bearer token. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  staffRole: StaffRole | null;
  locale: Locale | null;
  theme: 'light' | 'dark' | 'auto';
  mustChangePassword: boolean;
  /** The session may do nothing but enrol a second step (an organization requires one). */
  mfaEnrollmentRequired: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  csrfToken: string | null;
  /**
   * The user's active memberships, read in the same statement as the session or token when the
   * route asks for them (`config.actorMemberships`, GET /me); absent otherwise.
   */
  memberships?: { organizationId: string; organizationName: string; role: CustomerRole }[];
  /**
   * On a route about one organization, that organization (null when there is none) and the user's
   * active membership in it, read in the same statement as the session or token: the access check
   * uses them instead of reading them again. Absent on other routes.
   */
  organizationLookup?: OrganizationLookup;
}

/** An organization and the user's active membership in it, as the session or token statement read them. */
export interface OrganizationLookup {
  organizationId: string;
  organization: typeof organizations.$inferSelect | null;
  memberId: string | null;
  memberRole: CustomerRole | null;
}

/** What to read with the session or token besides the user (see `Actor.memberships` and `Actor.organizationLookup`). */
export interface ActorReadOptions {
  withMemberships?: boolean;
  /** The organization the route names (a well-formed uuid). */
  organizationId?: string;
}

/** The lookup of an organization from the row the session or token statement answered. */
export function organizationLookupOf(
  organizationId: string,
  row: { organization: OrganizationLookup['organization']; memberId: string | null; memberRole: CustomerRole | null },
): OrganizationLookup {
  return { organizationId, organization: row.organization, memberId: row.memberId, memberRole: row.memberRole };
}
