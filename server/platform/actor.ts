import type { Locale } from '../../common/locale';
import type { CustomerRole, StaffRole } from '../../common/permissions';

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
}
