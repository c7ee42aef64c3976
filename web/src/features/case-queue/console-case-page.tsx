import { ComingSoonPage } from '../../components/coming-soon-page';

/** `/console/cases/:organizationId/:caseId`: one case in the console (being built). */
export function ConsoleCasePage() {
  return <ComingSoonPage feature="console.caseQueue" />;
}
