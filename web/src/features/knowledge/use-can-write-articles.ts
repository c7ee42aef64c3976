import { useStaffCan } from '../auth/use-staff-can';

/** Whether the signed-in person writes knowledge articles in the console (vendor staff with `article.write`). */
export function useCanWriteArticles(): boolean {
  return useStaffCan('article.write');
}
