import { Navigate } from 'react-router';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { CaseQueuePage } from '../case-queue/case-queue-page';
import { getConsoleLandingPath } from './console-nav-items';

/** `/console`: the case queue for staff who answer cases; other staff go on to their first console page. */
export function ConsoleHome() {
  const path = getConsoleLandingPath(useSignedInMe());
  return path === '/console' ? <CaseQueuePage /> : <Navigate to={path} replace />;
}
