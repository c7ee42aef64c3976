import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorFallback } from '../../components/error-fallback';
import { PageLoader } from '../../components/page-loader';
import { useMe } from './auth.api';

interface RequireAuthProps {
  children: ReactNode;
  /** The change-password page itself must stay reachable while a change is required. */
  allowPendingPasswordChange?: boolean;
}

/** Renders its children only for a signed-in person; sends everyone else to sign in and back. */
export function RequireAuth({ children, allowPendingPasswordChange = false }: RequireAuthProps) {
  const { data: me, error, refetch, isRefetching } = useMe();
  const location = useLocation();

  if (me === undefined) {
    if (error) return <ErrorFallback error={error} onRetry={() => void refetch()} isRetrying={isRefetching} />;
    return <PageLoader />;
  }
  if (me === null) {
    const here = location.pathname + location.search + location.hash;
    const query = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/sign-in${query}`} replace />;
  }
  if (me.mustChangePassword && !allowPendingPasswordChange) return <Navigate to="/change-password" replace />;
  return children;
}
