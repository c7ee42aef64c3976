import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSignedInMe } from './use-signed-in-me';

/** Keeps the console to vendor staff; customers are sent to their portal. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const me = useSignedInMe();
  if (!me.staffRole) return <Navigate to="/portal" replace />;
  return children;
}
