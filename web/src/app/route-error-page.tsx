import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorFallback } from '../components/error-fallback';
import { NotFoundPage } from '../features/shell/not-found-page';

/** The routes' error element: a 404 for unknown routes, otherwise a friendly error with a reload button. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (import.meta.env.DEV) console.error(error);
  return <ErrorFallback error={error} />;
}
