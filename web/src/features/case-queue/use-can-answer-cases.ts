import { STAFF_ROLE_PERMISSIONS } from '@common/permissions';
import { useSignedInMe } from '../auth/use-signed-in-me';

/** Whether the signed-in person works cases in the console (vendor staff with `case.answer`). */
export function useCanAnswerCases(): boolean {
  const me = useSignedInMe();
  return me.staffRole !== null && STAFF_ROLE_PERMISSIONS[me.staffRole].includes('case.answer');
}
