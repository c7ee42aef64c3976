import { Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { LANGUAGE_NAMES, sortLanguages } from './article-language';
import type { ArticleListItem } from './knowledge.api';
import { ProductTags } from './product-tags';
import { VerificationBadge } from './verification-badge';
import { VisibilityBadge } from './visibility-badge';

/** The console's articles: title, languages with their status, visibility, products, verification, votes, views, last change. */
export function ArticlesTable({ items }: { items: readonly ArticleListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="articles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('knowledge.fields.title')}</Table.Th>
            <Table.Th>{t('knowledge.fields.languages')}</Table.Th>
            <Table.Th>{t('knowledge.fields.visibility')}</Table.Th>
            <Table.Th>{t('knowledge.fields.products')}</Table.Th>
            <Table.Th>{t('knowledge.fields.verification')}</Table.Th>
            <Table.Th>{t('knowledge.fields.votes')}</Table.Th>
            <Table.Th>{t('knowledge.fields.views')}</Table.Th>
            <Table.Th>{t('knowledge.fields.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const byLanguage = new Map(item.languages.map((entry) => [entry.language, entry.status]));
            return (
              <Table.Tr
                key={item.id}
                data-testid="article-row"
                data-article-id={item.id}
                data-verification={item.verification}
                bg={item.verification === 'review_due' ? 'var(--mantine-color-orange-light)' : undefined}
              >
                <Table.Td maw={360}>
                  <Anchor component={Link} to={`/console/knowledge/${encodeURIComponent(item.id)}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {sortLanguages([...byLanguage.keys()]).map((language) => (
                      <Badge
                        key={language}
                        size="sm"
                        radius="sm"
                        variant={byLanguage.get(language) === 'published' ? 'filled' : 'outline'}
                        color={byLanguage.get(language) === 'published' ? 'teal' : 'gray'}
                        title={`${LANGUAGE_NAMES[language]}: ${t(`knowledge.status.${byLanguage.get(language) ?? 'draft'}`)}`}
                        data-language={language}
                        data-status={byLanguage.get(language)}
                      >
                        {language.toUpperCase()} · {t(`knowledge.status.${byLanguage.get(language) ?? 'draft'}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <VisibilityBadge visibility={item.visibility} />
                </Table.Td>
                <Table.Td maw={240}>
                  <ProductTags products={item.products} size="xs" />
                </Table.Td>
                <Table.Td>
                  <VerificationBadge state={item.verification} />
                </Table.Td>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Group gap={2} wrap="nowrap">
                      <IconThumbUp size={14} aria-hidden />
                      <Text size="sm">
                        <VisuallyHidden>{t('knowledge.stats.helpful')}: </VisuallyHidden>
                        {item.helpful}
                      </Text>
                    </Group>
                    <Group gap={2} wrap="nowrap">
                      <IconThumbDown size={14} aria-hidden />
                      <Text size="sm">
                        <VisuallyHidden>{t('knowledge.stats.notHelpful')}: </VisuallyHidden>
                        {item.notHelpful}
                      </Text>
                    </Group>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.viewCount}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(item.updatedAt)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
