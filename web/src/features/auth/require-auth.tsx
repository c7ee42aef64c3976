import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorFallback } from '../../components/error-fallback';
import { PageLoader } from '../../components/page-loader';
import { useMe } from './auth.api';

interface RequireAuthProps {
  children: ReactNode;
  /**
   * The page that completes a pending account setup must stay reachable while it is pending:
   * `password-change` for /change-password, `mfa-enrollment` for /setup-two-step.
   */
  allowPending?: 'password-change' | 'mfa-enrollment';
}

/**
 * Renders its children only for a signed-in person; sends everyone else to sign in and back, and a
 * person whose account setup is pending (a password change first, then a required second step) to
 * the page that completes it.
 */
export function RequireAuth({ children, allowPending }: RequireAuthProps) {
  const { data: me, error, refetch, isRefetching } = useMe();
  const location = useLocation();

  if (me === undefined) {
    if (error) return <ErrorFallback error={error} onRetry={() => void refetch()} isRetrying={isRefetching} />;
    return <PageLoader />;
  }
  const here = location.pathname + location.search + location.hash;
  const nextQuery = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
  if (me === null) return <Navigate to={`/sign-in${nextQuery}`} replace />;
  if (me.mustChangePassword) return allowPending === 'password-change' ? children : <Navigate to="/change-password" replace />;
  if (me.mfaEnrollmentRequired && allowPending !== 'mfa-enrollment') {
    return <Navigate to={`/setup-two-step${allowPending ? '' : nextQuery}`} replace />;
  }
  return children;
}
