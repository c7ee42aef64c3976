import type { Me } from './me';
import { useMe } from './auth.api';

/** The signed-in person, for pages rendered under `RequireAuth` (which guarantees there is one). */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe used outside RequireAuth');
  return data;
}
