import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { caseKey, casePath, casesKey } from './cases.api';

/**
 * The event names the case stream sends (`event: <kind>`): `ready` once subscribed, then one per
 * change (server/modules/cases/case-notifications.ts). EventSource delivers named events only to
 * listeners of that name, so each is listened to; `message` covers unnamed ones.
 */
export const CASE_LIVE_EVENTS = [
  'ready',
  'message',
  'case.created',
  'case.status',
  'case.reopen_requested',
  'case.assigned',
  'case.description',
  'case.resolution',
  'case.post',
  'case.attachment',
  'case.link',
  'case.updated',
] as const;

/**
 * While a case page is open, listens to `GET …/cases/:caseId/events` (server-sent events) and
 * refreshes everything shown about the case on any event, and on `ready` (after a reconnect it may
 * have missed some). The stream closes when the page does.
 */
export function useCaseLiveUpdates(organizationId: string, caseId: string, { enabled = true }: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(casePath(organizationId, caseId, '/events'));
    // `ready` too: something may have changed between loading the page (or losing the stream) and subscribing.
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: caseKey(organizationId, caseId) });
      void queryClient.invalidateQueries({ queryKey: [...casesKey(organizationId), 'list'] });
    };
    for (const name of CASE_LIVE_EVENTS) source.addEventListener(name, refresh);
    return () => {
      for (const name of CASE_LIVE_EVENTS) source.removeEventListener(name, refresh);
      source.close();
    };
  }, [organizationId, caseId, enabled, queryClient]);
}
