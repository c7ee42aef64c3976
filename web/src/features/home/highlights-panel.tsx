import type { HomeHighlightKind } from '@common/cases';
import { ActionIcon, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { HighlightsSettingsModal } from './highlights-settings-modal';
import { useHighlights, useHomePreferences } from './home.api';

/** Where each figure leads; case figures only for people who may see cases. */
const highlightLinks: Record<HomeHighlightKind, { to: string; needsCases: boolean } | null> = {
  open_cases: { to: '/portal/cases?view=open', needsCases: true },
  waiting_on_me: { to: '/portal/cases?view=my_open', needsCases: true },
  my_open_cases: { to: '/portal/cases?view=my_open', needsCases: true },
  closed_last_30_days: { to: '/portal/cases?view=closed', needsCases: true },
  contracts_ending: { to: '/portal/products', needsCases: false },
  new_releases: { to: '/portal/products', needsCases: false },
};

interface HighlightsPanelProps {
  organizationId: string;
  canViewCases: boolean;
}

/** The highlights panel: the figures the person picked, each a card, with a gear to pick and order them. */
export function HighlightsPanel({ organizationId, canViewCases }: HighlightsPanelProps) {
  const { t, i18n } = useTranslation();
  const highlights = useHighlights(organizationId);
  const preferences = useHomePreferences();
  const [choosing, setChoosing] = useState(false);

  const renderFigures = () => {
    if (highlights.isError) return <LoadErrorAlert error={highlights.error} onRetry={() => void highlights.refetch()} />;
    if (!highlights.data) return <Skeleton height={96} radius="md" />;
    if (highlights.data.items.length === 0) {
      return (
        <Text c="dimmed" size="sm" data-testid="highlights-empty">
          {t('home.highlights.empty')}
        </Text>
      );
    }
    return (
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {highlights.data.items.map(({ kind, value }) => {
          const link = highlightLinks[kind];
          const linked = link && (!link.needsCases || canViewCases) ? link.to : null;
          const body = (
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t(`home.highlights.kinds.${kind}`)}
              </Text>
              <Text fz={{ base: 26, sm: 32 }} fw={700} lh={1.1} c={kind === 'waiting_on_me' && value > 0 ? 'orange' : undefined}>
                {value.toLocaleString(i18n.resolvedLanguage)}
              </Text>
            </Stack>
          );
          return linked ? (
            <Card key={kind} component={Link} to={linked} withBorder radius="md" p="md" data-testid="highlight" data-kind={kind} style={{ color: 'inherit', textDecoration: 'none' }}>
              {body}
            </Card>
          ) : (
            <Card key={kind} withBorder radius="md" p="md" data-testid="highlight" data-kind={kind}>
              {body}
            </Card>
          );
        })}
      </SimpleGrid>
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="highlights-title">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h4" id="highlights-title">
          {t('home.highlights.title')}
        </Title>
        <Tooltip label={t('home.highlights.choose')}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('home.highlights.choose')} disabled={!preferences.data} onClick={() => setChoosing(true)}>
            <IconSettings size={20} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {renderFigures()}
      {choosing && preferences.data ? <HighlightsSettingsModal preferences={preferences.data} onClose={() => setChoosing(false)} /> : null}
    </Stack>
  );
}
