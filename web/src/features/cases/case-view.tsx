import { Alert, Card, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconBell, IconDeviceDesktop, IconHistory, IconLink, IconMessages, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { CaseArticleAction } from '../knowledge/publish-as-article-button';
import { NotFoundPage } from '../shell/not-found-page';
import { CaseActions } from './case-actions';
import { CaseAttachmentsTab } from './case-attachments-tab';
import { CaseFeed } from './case-feed';
import { CaseHeader } from './case-header';
import { CaseHistoryTab } from './case-history-tab';
import type { CaseFace } from './case-href';
import { CaseLinksTab } from './case-links-tab';
import { CaseProgress } from './case-progress';
import { CaseRemoteSessionsTab } from './case-remote-sessions-tab';
import { CaseReopen } from './case-reopen';
import { CaseDescription, CaseResolution } from './case-text-sections';
import { useCaseDetail, useCaseHistory } from './cases.api';
import { useCaseLiveUpdates } from './use-case-live-updates';

export interface CaseViewProps {
  organizationId: string;
  caseId: string;
  /** The portal (customers) or the console (engineers); what each may do comes from `abilities`. */
  face: CaseFace;
}

type CaseTab = 'feed' | 'attachments' | 'links' | 'remote' | 'history';

/**
 * One support case, for customers in the portal and engineers in the console: progress bar,
 * "waiting for your attention", header facts, status actions, description and resolution, the
 * reopen request or new-case offer, and the Feed, Attachments, Linked content, Remote sessions and
 * History tabs. Everything engineer-only follows `detail.abilities`. While open, it updates live.
 */
export function CaseView({ organizationId, caseId, face }: CaseViewProps) {
  const { t } = useTranslation();
  const query = useCaseDetail(organizationId, caseId);
  // The statuses the case went through, for the progress bar (shared with the History tab).
  const history = useCaseHistory(organizationId, caseId);
  const [tab, setTab] = useState<CaseTab>('feed');
  const detail = query.data;
  useCaseLiveUpdates(organizationId, caseId, { enabled: !query.isError });
  usePageTitle(detail ? `${detail.number} ${detail.subject}` : t('features.portal.cases.title'));

  if (query.isError) {
    return (
      <LoadErrorAlert
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={
          <NotFoundPage
            homePath={face === 'console' ? '/console' : '/portal/cases'}
            title={t('cases.notFound.title')}
            description={t('cases.notFound.description')}
            backLabel={face === 'console' ? t('cases.notFound.backToQueue') : t('cases.backToList')}
          />
        }
      />
    );
  }
  if (!detail) return <Skeleton height={420} radius="lg" />;

  return (
    <Stack gap="lg" data-testid="case-view" data-case-id={detail.id} data-status={detail.status} data-face={face}>
      {face === 'portal' && detail.waitingOnCustomer ? (
        <Alert color="orange" variant="filled" icon={<IconBell size={20} />} title={t('cases.waitingTitle')} data-testid="waiting-alert">
          {t('cases.waitingBody')}
        </Alert>
      ) : null}
      <Card withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="lg">
          <CaseHeader detail={detail} face={face} />
          <CaseProgress status={detail.status} history={history.data?.items} />
          <CaseActions organizationId={organizationId} detail={detail} />
          {face === 'console' ? <CaseArticleAction detail={detail} /> : null}
        </Stack>
      </Card>
      <CaseReopen organizationId={organizationId} detail={detail} face={face} />
      <CaseDescription organizationId={organizationId} detail={detail} />
      <CaseResolution organizationId={organizationId} detail={detail} />
      <Tabs value={tab} onChange={(value) => setTab((value as CaseTab | null) ?? 'feed')} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="feed" leftSection={<IconMessages size={16} />}>
            {t('cases.tabs.feed')}
          </Tabs.Tab>
          <Tabs.Tab value="attachments" leftSection={<IconPaperclip size={16} />}>
            {t('cases.tabs.attachments')}
          </Tabs.Tab>
          <Tabs.Tab value="links" leftSection={<IconLink size={16} />}>
            {t('cases.tabs.links')}
          </Tabs.Tab>
          <Tabs.Tab value="remote" leftSection={<IconDeviceDesktop size={16} />}>
            {t('cases.tabs.remote')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('cases.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        {/* Kept mounted: a post being written survives a look at another tab. */}
        <Tabs.Panel value="feed" pt="md" keepMounted>
          <CaseFeed organizationId={organizationId} detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="attachments" pt="md">
          <CaseAttachmentsTab organizationId={organizationId} detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <CaseLinksTab organizationId={organizationId} detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="remote" pt="md">
          <CaseRemoteSessionsTab organizationId={organizationId} caseId={detail.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <CaseHistoryTab organizationId={organizationId} caseId={detail.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
