import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';

export interface SsoProviderSummary {
  id: string;
  name: string;
}

/** The identity providers people may sign in with, for the sign-in page. */
export function useSsoProviders() {
  return useQuery({
    queryKey: ['sso-providers'],
    queryFn: () => apiClient.get<{ items: SsoProviderSummary[] }>('/api/v1/auth/sso/providers'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export interface IdentityProvider {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedDomains: string[];
  enabled: boolean;
  /** The address to register at the identity provider as the redirect (callback) URI. */
  redirectUri: string;
  createdAt: string;
}

export interface IdentityProviderBody {
  name: string;
  issuer: string;
  clientId: string;
  /** Left out on an update to keep the stored secret. */
  clientSecret?: string;
  allowedDomains: string[];
  enabled: boolean;
}

const identityProvidersKey = ['admin', 'identity-providers'] as const;

/** Every identity provider, for the console's Settings. */
export function useIdentityProviders() {
  return useQuery({
    queryKey: identityProvidersKey,
    queryFn: () => apiClient.get<{ items: IdentityProvider[] }>('/api/v1/admin/identity-providers'),
  });
}

/** Creates an identity provider, or updates one when `id` is given. */
export function useSaveIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: IdentityProviderBody }) =>
      id
        ? apiClient.patch<IdentityProvider>(`/api/v1/admin/identity-providers/${encodeURIComponent(id)}`, body)
        : apiClient.post<IdentityProvider>('/api/v1/admin/identity-providers', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: identityProvidersKey });
      void queryClient.invalidateQueries({ queryKey: ['sso-providers'] });
    },
  });
}

export function useDeleteIdentityProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<void>(`/api/v1/admin/identity-providers/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: identityProvidersKey });
      void queryClient.invalidateQueries({ queryKey: ['sso-providers'] });
    },
  });
}
