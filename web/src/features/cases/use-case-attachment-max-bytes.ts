import { CUSTOMER_ROLE_PERMISSIONS } from '@common/permissions';
import { staffCan } from '../auth/use-staff-can';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { useCaseWizardOptions } from './cases.api';

/**
 * The largest file the server takes as a case attachment, as the case wizard learns it (the same
 * cached options), so the feed and the Attachments tab refuse a larger file before sending it, as
 * the wizard does. Undefined while loading, and for people who may not open cases in the
 * organization (the options are theirs only); the server still refuses a larger file for them.
 */
export function useCaseAttachmentMaxBytes(organizationId: string): number | undefined {
  const me = useSignedInMe();
  const role = me.memberships.find((membership) => membership.organizationId === organizationId)?.role;
  const mayOpenCases = staffCan(me, 'case.create') || (role !== undefined && CUSTOMER_ROLE_PERMISSIONS[role].includes('case.create'));
  const options = useCaseWizardOptions(organizationId, { enabled: mayOpenCases });
  return options.data?.attachmentMaxBytes;
}
