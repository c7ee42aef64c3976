import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { ApiError } from '../../app/api-error';
import type { Me } from './me';

export const meQueryKey = ['me'] as const;

/** Stores a fresh `Me` as the cached session and keeps its CSRF token for the next writes. */
export function rememberMe(queryClient: QueryClient, me: Me): Me {
  apiClient.setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
  return me;
}

async function findMe(): Promise<Me | null> {
  try {
    const me = await apiClient.get<Me>('/api/v1/me');
    apiClient.setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      apiClient.setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in person, `null` when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: findMe,
    staleTime: 60_000,
    retry: (failureCount, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && failureCount < 1,
  });
}

export interface SignInBody {
  email: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => apiClient.post<Me>('/api/v1/auth/sign-in', body),
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      rememberMe(queryClient, me);
    },
  });
}

/**
 * Signs out, then loads the sign-in page afresh. A full page load drops every cached query of the
 * person who left, and no route guard gets to see the session vanish and add a `next` to come back to.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => apiClient.post<void>('/api/v1/auth/sign-out'),
    // Even if the server could not be reached, the person asked to leave.
    onSettled: () => {
      apiClient.setCsrfToken(null);
      window.location.replace('/sign-in');
    },
  });
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiClient.post<Me>('/api/v1/me/password', body),
    onSuccess: (me) => rememberMe(queryClient, me),
  });
}
