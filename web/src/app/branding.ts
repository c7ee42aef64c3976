import type { Branding } from '@common/schemas/settings';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from './api-client';

export const brandingKey = ['branding'] as const;

/** The names the vendor gave the installation (console Settings → vendor profile), readable before sign-in. */
export function useBranding() {
  return useQuery({ queryKey: brandingKey, queryFn: () => apiClient.get<Branding>('/api/v1/branding'), staleTime: 5 * 60_000 });
}

/** The service's name as customers know it; undefined until it has loaded (never a wrong name in the meantime). */
export function useServiceName(): string | undefined {
  return useBranding().data?.serviceName;
}

/** The browser tab's title: the page's, then the service's name (`Cases · Hanbit Care`). */
export function usePageTitle(title: string): void {
  const service = useServiceName();
  useDocumentTitle(service ? `${title} · ${service}` : title);
}
