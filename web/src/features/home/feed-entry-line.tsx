import type { CaseStatus } from '@common/cases';
import { Anchor, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconAt, IconMessage, IconPackage, IconPlus, IconProgress, IconRefresh, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { describeFeedEntry } from './describe-feed-entry';
import { formatRelativeTime } from './format-relative-time';
import type { FeedEntry } from './home.api';

const icons: Record<FeedEntry['kind'], { icon: Icon; color: string }> = {
  case_created: { icon: IconPlus, color: 'blue' },
  case_status: { icon: IconProgress, color: 'indigo' },
  case_post: { icon: IconMessage, color: 'teal' },
  case_mention: { icon: IconAt, color: 'grape' },
  case_reopened: { icon: IconRefresh, color: 'orange' },
  release_published: { icon: IconPackage, color: 'cyan' },
  contract_warning: { icon: IconAlertTriangle, color: 'red' },
};

interface FeedEntryLineProps {
  entry: FeedEntry;
  organizationId: string;
  now: Date;
  /** Draws a line above the entry (every entry but the first). */
  divided?: boolean;
}

/** One line of My feed: an icon for its kind, what happened, its link, and how long ago. */
export function FeedEntryLine({ entry, organizationId, now, divided = false }: FeedEntryLineProps) {
  const { t, i18n } = useTranslation();
  const view = describeFeedEntry(entry, organizationId);
  const { icon: KindIcon, color } = icons[entry.kind];
  const status = (value: CaseStatus | null) => (value ? t(`cases.status.${value}`) : '');
  const text = t(`home.feed.entry.${view.sentence}`, {
    actor: view.actorName ?? t('home.feed.someone'),
    from: status(view.from),
    to: status(view.to),
    product: entry.release?.productName ?? '',
    version: entry.release?.version ?? '',
    site: entry.contract?.siteName ?? '',
    date: entry.contract?.endsOn ?? '',
  });

  let linkText: string | null = null;
  if (view.link?.kind === 'case') linkText = t('home.feed.caseLink', { number: view.link.number, subject: view.link.subject });
  else if (view.link?.kind === 'release') linkText = t('home.feed.releaseLink', { product: view.link.productName });
  else if (view.link?.kind === 'products') linkText = t('home.feed.productsLink');

  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" py={8}
      style={divided ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
      data-testid="feed-entry" data-kind={entry.kind}>
      <ThemeIcon variant="light" color={color} radius="xl" size="md" aria-hidden>
        <KindIcon size={16} />
      </ThemeIcon>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm">{text}</Text>
        {view.link && linkText ? (
          <Anchor component={Link} to={view.link.href} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {linkText}
          </Anchor>
        ) : null}
        {view.excerpt ? (
          <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {view.excerpt}
          </Text>
        ) : null}
      </div>
      <Tooltip label={formatDateTime(entry.at)}>
        <Text component="time" dateTime={entry.at} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatRelativeTime(entry.at, now, i18n.resolvedLanguage ?? 'ko')}
        </Text>
      </Tooltip>
    </Group>
  );
}
