/** Which face shows a case page: the customer's portal or the vendor's console. */
export type CaseFace = 'portal' | 'console';

/** The page of a case in the face showing it. */
export function caseHref(face: CaseFace, organizationId: string, caseId: string): string {
  return face === 'console' ? `/console/cases/${encodeURIComponent(organizationId)}/${encodeURIComponent(caseId)}` : `/portal/cases/${encodeURIComponent(caseId)}`;
}
