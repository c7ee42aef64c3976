import { ComingSoonPage } from '../../components/coming-soon-page';

/** `/portal/cases/new`: the three-step wizard (being built). */
export function NewCasePage() {
  return <ComingSoonPage feature="portal.cases" />;
}
