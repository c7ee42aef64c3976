import type { MfaStatus } from '@common/schemas/auth';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { meQueryKey } from '../auth/auth.api';

export type { MfaStatus };

export interface TotpSetup {
  /** Base32 secret to type into an authenticator app that cannot scan. */
  secret: string;
  otpauthUrl: string;
  qrCodeSvg: string;
}

/** The answer to confirming a method: ten new recovery codes for the first method, else null. */
export interface EnrolmentResult {
  codes: string[] | null;
}

const mfaStatusKey = ['mfa-status'] as const;

/** A second step was added or removed: the status changed, and so may `me.mfaEnrollmentRequired`. */
function refreshAfterChange(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: mfaStatusKey });
  void queryClient.invalidateQueries({ queryKey: meQueryKey });
}

/** Which second steps the signed-in person has, and whether an organization requires one. */
export function useMfaStatus() {
  return useQuery({ queryKey: mfaStatusKey, queryFn: () => apiClient.get<MfaStatus>('/api/v1/me/mfa') });
}

/** Starts adding an authenticator app: a new secret and its QR code. */
export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => apiClient.post<TotpSetup>('/api/v1/me/mfa/totp/setup') });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiClient.post<EnrolmentResult>('/api/v1/me/mfa/totp/confirm', { code }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** Starts adding email codes: the server emails a code to confirm the address receives them. */
export function useStartEmailSetup() {
  return useMutation({ mutationFn: () => apiClient.post<void>('/api/v1/me/mfa/email/setup') });
}

export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiClient.post<EnrolmentResult>('/api/v1/me/mfa/email/confirm', { code }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** Turns a method off; the password confirms it is really the person. */
export function useDisableMfaMethod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, password }: { method: 'totp' | 'email'; password: string }) =>
      apiClient.post<void>(`/api/v1/me/mfa/${method}/disable`, { password }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** Ten new recovery codes; the old ones stop working. */
export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => apiClient.post<{ codes: string[] }>('/api/v1/me/mfa/recovery-codes', { password }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}
