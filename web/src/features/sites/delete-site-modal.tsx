import { Alert, Button, Checkbox, Group, List, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useDeleteSite, useSiteImpact, type SiteImpact, type SiteTreeItem } from './sites.api';

function ImpactList({ title, names, testId }: { title: string; names: string[]; testId: string }) {
  if (names.length === 0) return null;
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <List size="sm" spacing={2} withPadding>
        {names.map((name, index) => (
          <List.Item key={`${name}-${index}`}>{name}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** True when deleting the site takes nothing else with it and touches no one. */
const isImpactEmpty = (impact: SiteImpact) => impact.subSites.length + impact.memberAccess.length + impact.activeHoldings.length + impact.other.length === 0;

function ImpactSummary({ impact }: { impact: SiteImpact }) {
  const { t } = useTranslation();
  const isEmpty = isImpactEmpty(impact);
  return (
    <Stack gap="sm" data-testid="site-impact">
      {isEmpty ? <Text size="sm">{t('sites.delete.nothingElse')}</Text> : <Text size="sm">{t('sites.delete.impactIntro')}</Text>}
      <ImpactList title={t('sites.delete.subSites', { count: impact.subSites.length })} names={impact.subSites.map((site) => site.name)} testId="impact-sub-sites" />
      <ImpactList
        title={t('sites.delete.memberAccess', { count: impact.memberAccess.length })}
        names={impact.memberAccess.map((member) => member.name)}
        testId="impact-member-access"
      />
      <ImpactList title={t('sites.delete.other', { count: impact.other.length })} names={impact.other.map((item) => item.name)} testId="impact-other" />
      {impact.activeHoldings.length > 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('sites.delete.blockedTitle')} data-testid="impact-active-holdings">
          <Text size="sm">{t('sites.delete.blocked')}</Text>
          <List size="sm" mt={4} withPadding>
            {impact.activeHoldings.map((item) => (
              <List.Item key={`${item.kind}-${item.id}`}>{item.name}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}

function DeleteSiteBody({ organizationId, site, onClose }: { organizationId: string; site: SiteTreeItem; onClose: () => void }) {
  const { t } = useTranslation();
  const impact = useSiteImpact(organizationId, site.id);
  const remove = useDeleteSite(organizationId);
  const [isConfirmed, setIsConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isBlocked = (impact.data?.activeHoldings.length ?? 0) > 0;

  const confirm = () => {
    setError(null);
    remove.mutate(site.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('sites.delete.deleted', { name: site.name }) });
        onClose();
      },
      onError: (failure) => {
        setError(getErrorMessage(failure));
        // What the site holds may have changed since the list was shown.
        void impact.refetch();
      },
    });
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('sites.delete.question', { name: site.name })}</Text>
      {impact.isError ? (
        <LoadErrorAlert error={impact.error} onRetry={() => void impact.refetch()} />
      ) : impact.data ? (
        <ImpactSummary impact={impact.data} />
      ) : (
        <Skeleton height={72} radius="md" />
      )}
      {error ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="delete-site-error">
          {error}
        </Alert>
      ) : null}
      {impact.data ? (
        // Asked even when nothing else goes with the site: the deletion itself cannot be undone.
        <Checkbox
          label={isImpactEmpty(impact.data) ? t('sites.delete.understandAlone') : t('sites.delete.understand')}
          checked={isConfirmed}
          onChange={(event) => setIsConfirmed(event.currentTarget.checked)}
          disabled={isBlocked}
          data-testid="delete-site-understood"
        />
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={confirm} disabled={!isConfirmed || !impact.data || isBlocked} loading={remove.isPending} data-testid="confirm-delete-site">
          {t('sites.delete.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Deleting a site: first what it would take with it, then an explicit confirmation. */
export function DeleteSiteModal({ organizationId, site, onClose }: { organizationId: string; site: SiteTreeItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={site !== null} onClose={onClose} title={t('sites.delete.title')} centered size="lg">
      {site ? <DeleteSiteBody key={site.id} organizationId={organizationId} site={site} onClose={onClose} /> : null}
    </Modal>
  );
}
