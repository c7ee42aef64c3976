import { STAFF_ROLE_PERMISSIONS } from '@common/permissions';
import { useSignedInMe } from '../auth/use-signed-in-me';

/** Whether the signed-in person writes knowledge articles in the console (vendor staff with `article.write`). */
export function useCanWriteArticles(): boolean {
  const me = useSignedInMe();
  return me.staffRole !== null && STAFF_ROLE_PERMISSIONS[me.staffRole].includes('article.write');
}
