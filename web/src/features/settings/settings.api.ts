import type { SecuritySettings, SecuritySettingsBody, VendorProfile, VendorProfileBody } from '@common/schemas/settings';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { brandingKey } from '../../app/branding';

export type { SecuritySettings, VendorProfile };

const securityKey = ['admin', 'settings', 'security'] as const;
const profileKey = ['admin', 'settings', 'profile'] as const;

/** Sign-in attempts and lock time, idle sign-out, allowed IPs and the password policy (vendor admins). */
export function useSecuritySettings() {
  return useQuery({ queryKey: securityKey, queryFn: () => apiClient.get<SecuritySettings>('/api/v1/admin/settings/security') });
}

/** Replaces the security settings: the body carries every setting (a PUT without one is refused). */
export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecuritySettingsBody) => apiClient.put<SecuritySettings>('/api/v1/admin/settings/security', body),
    onSuccess: (settings) => {
      queryClient.setQueryData(securityKey, settings);
      // The idle timeout and the password policy reach the browser through these.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void queryClient.invalidateQueries({ queryKey: ['registration-info'] });
    },
  });
}

/** The vendor's own details (seed 001, 관리자정보). */
export function useVendorProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => apiClient.get<VendorProfile>('/api/v1/admin/settings/profile') });
}

/** Replaces the vendor's details: the body carries every field. */
export function useUpdateVendorProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VendorProfileBody) => apiClient.put<VendorProfile>('/api/v1/admin/settings/profile', body),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKey, profile);
      // The service's name heads every page and the brand mark.
      void queryClient.invalidateQueries({ queryKey: brandingKey });
    },
  });
}
