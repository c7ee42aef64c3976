import { Anchor, Badge, Group, Stack, Table, Text, VisuallyHidden, type MantineBreakpoint } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { sortLanguages } from './article-language';
import type { ArticleListItem } from './knowledge.api';
import { ProductTags } from './product-tags';
import { VerificationBadge } from './verification-badge';
import { VisibilityBadge } from './visibility-badge';

/** Below it the other columns give way to lines under the title, so a phone shows them without scrolling sideways. */
const WIDE: MantineBreakpoint = 'sm';

/** An article's languages, each with its status: filled when published, outlined otherwise; one under the other when the column is narrow. */
function LanguageBadges({ item }: { item: ArticleListItem }) {
  const { t } = useTranslation();
  const byLanguage = new Map(item.languages.map((entry) => [entry.language, entry.status]));
  return (
    <Group gap={4} wrap="wrap">
      {sortLanguages([...byLanguage.keys()]).map((language) => (
        <Badge
          key={language}
          size="sm"
          radius="sm"
          variant={byLanguage.get(language) === 'published' ? 'filled' : 'outline'}
          color={byLanguage.get(language) === 'published' ? 'teal' : 'gray'}
          miw="max-content"
          title={`${t(`common.languages.${language}`)}: ${t(`knowledge.status.${byLanguage.get(language) ?? 'draft'}`)}`}
          data-language={language}
          data-status={byLanguage.get(language)}
        >
          {language.toUpperCase()} · {t(`knowledge.status.${byLanguage.get(language) ?? 'draft'}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Helpful and not helpful votes, with thumbs. */
function Votes({ item, size }: { item: ArticleListItem; size: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      <Group gap={2} wrap="nowrap">
        <IconThumbUp size={14} aria-hidden />
        <Text size={size}>
          <VisuallyHidden>{t('knowledge.stats.helpful')}: </VisuallyHidden>
          {item.helpful}
        </Text>
      </Group>
      <Group gap={2} wrap="nowrap">
        <IconThumbDown size={14} aria-hidden />
        <Text size={size}>
          <VisuallyHidden>{t('knowledge.stats.notHelpful')}: </VisuallyHidden>
          {item.notHelpful}
        </Text>
      </Group>
    </Group>
  );
}

/** The last change, its time going under its date when the column is narrow (never a line break inside either). */
function UpdatedAt({ value }: { value: string }) {
  const [date, time] = formatDateTime(value).split(' ');
  return (
    <Text size="sm">
      <span style={{ whiteSpace: 'nowrap' }}>{date}</span> <span style={{ whiteSpace: 'nowrap' }}>{time}</span>
    </Text>
  );
}

/** Under an article's title on a phone: languages, visibility and verification, products, votes and views, last change. */
function ArticleRowDetails({ item }: { item: ArticleListItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} mt={6} align="flex-start" hiddenFrom={WIDE} data-testid="article-row-details">
      <LanguageBadges item={item} />
      <Group gap={4}>
        <VisibilityBadge visibility={item.visibility} />
        <VerificationBadge state={item.verification} />
      </Group>
      <ProductTags products={item.products} size="xs" />
      <Group gap="sm" c="dimmed">
        <Votes item={item} size="xs" />
        <Text size="xs">{t('common.labelled', { label: t('knowledge.fields.views'), value: item.viewCount })}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('common.labelled', { label: t('knowledge.fields.updated'), value: formatDateTime(item.updatedAt) })}
      </Text>
    </Stack>
  );
}

/**
 * The console's articles: title, languages with their status, visibility, products, verification,
 * votes, views, last change. On a phone the title only, the rest under it.
 */
export function ArticlesTable({ items }: { items: readonly ArticleListItem[] }) {
  const { t } = useTranslation();
  return (
    // The minimum width is the table's, not the container's, as it only holds where every column shows.
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" highlightOnHover miw={{ base: 'auto', [WIDE]: 920 }} data-testid="articles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('knowledge.fields.title')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('knowledge.fields.languages')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('knowledge.fields.visibility')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('knowledge.fields.products')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('knowledge.fields.verification')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('knowledge.fields.votes')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('knowledge.fields.views')}</Table.Th>
            <Table.Th visibleFrom={WIDE}>{t('knowledge.fields.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              data-testid="article-row"
              data-article-id={item.id}
              data-verification={item.verification}
              bg={item.verification === 'review_due' ? 'var(--mantine-color-orange-light)' : undefined}
            >
              <Table.Td miw={{ base: 0, [WIDE]: 180 }} maw={360}>
                <Anchor component={Link} to={`/console/knowledge/${encodeURIComponent(item.id)}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.title}
                </Anchor>
                <ArticleRowDetails item={item} />
              </Table.Td>
              <Table.Td visibleFrom={WIDE}>
                <LanguageBadges item={item} />
              </Table.Td>
              <Table.Td visibleFrom={WIDE}>
                <VisibilityBadge visibility={item.visibility} />
              </Table.Td>
              <Table.Td miw={130} maw={240} visibleFrom={WIDE}>
                <ProductTags products={item.products} size="xs" />
              </Table.Td>
              <Table.Td visibleFrom={WIDE}>
                <VerificationBadge state={item.verification} />
              </Table.Td>
              <Table.Td visibleFrom={WIDE}>
                <Votes item={item} size="sm" />
              </Table.Td>
              <Table.Td visibleFrom={WIDE}>
                <Text size="sm">{item.viewCount}</Text>
              </Table.Td>
              <Table.Td visibleFrom={WIDE}>
                <UpdatedAt value={item.updatedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
