import { ComingSoonPage } from '../../components/coming-soon-page';

/** `/portal/cases`: the Cases tab (being built). */
export function CasesPage() {
  return <ComingSoonPage feature="portal.cases" />;
}
