import { ComingSoonPage } from '../../components/coming-soon-page';

/** `/console`: the engineers' case queue (being built). */
export function CaseQueuePage() {
  return <ComingSoonPage feature="console.caseQueue" />;
}
