import { ComingSoonPage } from '../../components/coming-soon-page';

/** `/portal/cases/:caseId`: one case (being built). */
export function PortalCasePage() {
  return <ComingSoonPage feature="portal.cases" />;
}
