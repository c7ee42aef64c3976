import type { SessionInfo } from '@common/schemas/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';

export type { SessionInfo };

const sessionsKey = ['sessions'] as const;

/** The signed-in person's open sessions, this one marked `current`. */
export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: () => apiClient.get<{ items: SessionInfo[] }>('/api/v1/me/sessions'),
  });
}

/** Ends another session of the signed-in person (signs that browser out). */
/** Ends every session but this one. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.delete<{ ended: number }>('/api/v1/me/sessions'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => apiClient.delete<void>(`/api/v1/me/sessions/${encodeURIComponent(sessionId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
