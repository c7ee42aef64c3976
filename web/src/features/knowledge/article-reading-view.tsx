import { Card, Divider, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ArticleLanguage } from '@common/knowledge';
import { IconEye } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { ArticleAttachmentList } from './article-attachment-list';
import { sortLanguages } from './article-language';
import { ArticleMarkdown } from './article-markdown';
import type { ArticleView } from './knowledge.api';
import { ProductTags } from './product-tags';
import { VerificationFlag } from './verification-flag';

const SECTIONS = ['issue', 'environment', 'resolution'] as const;

interface ArticleReadingViewProps {
  view: ArticleView;
  /** Another of the article's languages was chosen. */
  onLanguageChange: (language: ArticleLanguage) => void;
  /** "Was this helpful?" (signed-in readers only). */
  votes?: ReactNode;
  /** True while another language loads: the page stays, dimmed. */
  isSwitching?: boolean;
}

/**
 * An article as readers see it, in the portal and on its public page: the Verified flag and the
 * date it was last updated at the top (as the manual shows), the languages it exists in, title,
 * summary, products, the Issue, Environment and Resolution sections, attachments, votes and views.
 */
export function ArticleReadingView({ view, onLanguageChange, votes, isSwitching = false }: ArticleReadingViewProps) {
  const { t } = useTranslation();
  const languages = sortLanguages(view.languages.includes(view.language) ? view.languages : [...view.languages, view.language]);
  const sections = SECTIONS.filter((section) => view[section].trim() !== '');
  return (
    <Stack gap="lg" data-testid="article-view" data-article-id={view.id} data-language={view.language} style={{ opacity: isSwitching ? 0.6 : 1 }} aria-busy={isSwitching}>
      <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="md">
          <Group justify="space-between" align="center" gap="sm" wrap="wrap">
            <Group gap="sm" wrap="wrap">
              <VerificationFlag verification={view.verification} />
              <Text size="sm" fw={600} data-testid="article-updated">
                {t('knowledge.reader.lastUpdated', { date: formatDateTime(view.updatedAt) })}
              </Text>
            </Group>
            <SegmentedControl
              size="xs"
              radius="md"
              data={languages.map((language) => ({ value: language, label: t(`common.languages.${language}`) }))}
              value={view.language}
              onChange={(value) => onLanguageChange(value as ArticleLanguage)}
              aria-label={t('knowledge.reader.languages')}
              data-testid="article-languages"
            />
          </Group>
          <div lang={view.language}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }} data-testid="article-title">
              {view.title}
            </Title>
            {view.summary.trim() ? (
              <Text size="lg" c="dimmed" mt="xs" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="article-summary">
                {view.summary}
              </Text>
            ) : null}
          </div>
          <ProductTags products={view.products} />
        </Stack>
      </Card>
      <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} lang={view.language}>
        <Stack gap="lg">
          {sections.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('knowledge.reader.empty')}
            </Text>
          ) : null}
          {sections.map((section, index) => (
            <section key={section} aria-labelledby={`article-${section}-title`} data-testid={`article-${section}`}>
              {index > 0 ? <Divider mb="lg" /> : null}
              <Title order={2} size="h3" mb="sm" id={`article-${section}-title`}>
                {t(`knowledge.fields.${section}`)}
              </Title>
              <ArticleMarkdown source={view[section]} attachments={view.attachments} />
            </section>
          ))}
          <ArticleAttachmentList attachments={view.attachments} />
        </Stack>
      </Card>
      <Group justify="space-between" align="center" gap="md" wrap="wrap">
        {votes ?? <span />}
        <Group gap={6} c="dimmed">
          <IconEye size={16} aria-hidden />
          <Text size="sm" data-testid="article-view-count">
            {t('knowledge.reader.views', { count: view.viewCount })}
          </Text>
        </Group>
      </Group>
    </Stack>
  );
}
