import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** Answers that mean the account must be set up first: refresh `me` and let the route guards redirect. */
const accountSetupCodes: ReadonlySet<string> = new Set(['auth.password_change_required', 'auth.mfa_enrollment_required']);

/**
 * The app's one QueryClient. Any request that finds the session gone, or a password change or
 * two-step enrolment still pending, refreshes `me`, and the route guards then send the person where
 * they must go. (An idle session is handled in api-client.ts, which leaves for the sign-in page.)
 */
function reactToSessionErrors(error: Error): void {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401 && error.code === 'auth.unauthenticated') {
    queryClient.setQueryData(['me'], null);
  } else if (error.status === 403 && accountSetupCodes.has(error.code)) {
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: reactToSessionErrors }),
  mutationCache: new MutationCache({ onError: reactToSessionErrors }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && failureCount < 2,
    },
  },
});
