import { useStaffCan } from '../auth/use-staff-can';

/** Whether the signed-in person works cases in the console (vendor staff with `case.answer`). */
export function useCanAnswerCases(): boolean {
  return useStaffCan('case.answer');
}
