import type { MfaMethod, RegisterBody, SignInResult } from '@common/schemas/auth';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { ApiError } from '../../app/api-error';
import type { Me } from './me';
import type { PasswordPolicy } from './password-rules';

export type { MfaMethod, RegisterBody, SignInResult };

/** What the first sign-in step answers when a second step is needed. */
export type MfaChallenge = Extract<SignInResult, { status: 'mfa_required' }>;

export const meQueryKey = ['me'] as const;

/** Stores a fresh `Me` as the cached session and keeps its CSRF token for the next writes. */
export function rememberMe(queryClient: QueryClient, me: Me): Me {
  apiClient.setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
  return me;
}

/** A new session: drops whatever was cached for whoever used this browser before, then remembers the person. */
function startSession(queryClient: QueryClient, me: Me): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  rememberMe(queryClient, me);
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

/** The first step: email and password. Either signs in or asks for the second step. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => apiClient.post<SignInResult>('/api/v1/auth/sign-in', body),
    onSuccess: (result) => {
      if (result.status === 'signed_in') startSession(queryClient, result.me);
    },
  });
}

export interface MfaSignInBody {
  challengeToken: string;
  method: MfaMethod;
  code: string;
}

/** The second step: a code from the authenticator app, an email or a recovery code. */
export function useSignInWithMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaSignInBody) => apiClient.post<{ status: 'signed_in'; me: Me }>('/api/v1/auth/sign-in/mfa', body),
    onSuccess: (result) => startSession(queryClient, result.me),
  });
}

/** Emails a sign-in code for a pending second step. */
export function useSendMfaEmailCode() {
  return useMutation({
    mutationFn: (challengeToken: string) => apiClient.post<void>('/api/v1/auth/sign-in/mfa/email-code', { challengeToken }),
  });
}

/**
 * Signs out, then loads the sign-in page afresh. A full page load drops every cached query of the
 * person who left, and no route guard gets to see the session vanish and add a `next` to come back to.
 * Pass a path to come back to it after signing in again (another account accepting an invitation).
 */
export function useSignOut() {
  return useMutation({
    mutationFn: (_next: string | void) => apiClient.post<void>('/api/v1/auth/sign-out'),
    // Even if the server could not be reached, the person asked to leave.
    onSettled: (_data, _error, next) => {
      apiClient.setCsrfToken(null);
      window.location.replace(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
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
    onSuccess: (me) => {
      rememberMe(queryClient, me);
      // A new password may end the other sessions.
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
}

export interface RegistrationInfo {
  termsVersion: string;
  privacyVersion: string;
  passwordPolicy: PasswordPolicy;
}

/** The versions of the terms a new account accepts and the password policy in force. */
export function useRegistrationInfo() {
  return useQuery({
    queryKey: ['registration-info'],
    queryFn: () => apiClient.get<RegistrationInfo>('/api/v1/auth/registration-info'),
    staleTime: 5 * 60_000,
  });
}

/** Creates an account that still needs its email verified; the answer is the same whether or not the email was known. */
export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterBody) => apiClient.post<{ status: 'verification_sent' }>('/api/v1/auth/register', body),
  });
}

export function useVerifyEmail() {
  return useMutation({
    mutationFn: (token: string) => apiClient.post<{ status: 'verified' }>('/api/v1/auth/verify-email', { token }),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: (email: string) => apiClient.post<void>('/api/v1/auth/resend-verification', { email }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => apiClient.post<void>('/api/v1/auth/password-reset/request', { email }),
  });
}

/** Whether the reset link can still be used, asked once when the page opens (it uses nothing up). */
export function useResetLinkCheck(token: string) {
  return useQuery({
    queryKey: ['auth', 'reset-link', token],
    queryFn: () => apiClient.post<void>('/api/v1/auth/password-reset/check', { token }),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) => apiClient.post<void>('/api/v1/auth/password-reset/confirm', body),
  });
}
