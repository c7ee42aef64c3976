import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import type { Article } from './knowledge.api';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Where the article came from and how readers took it: source case, author, votes, views. */
export function ArticleFactsCard({ article }: { article: Article }) {
  const { t } = useTranslation();
  const { sourceCase } = article;
  return (
    <Card withBorder radius="lg" p="md" data-testid="article-facts">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('knowledge.facts.title')}
        </Title>
        <SimpleGrid component="dl" cols={2} spacing="sm" verticalSpacing="xs" m={0}>
          <Fact label={t('knowledge.stats.helpful')} testId="article-helpful">
            <Group gap={4} component="span">
              <IconThumbUp size={14} aria-hidden />
              <span>{article.votes.helpful}</span>
            </Group>
          </Fact>
          <Fact label={t('knowledge.stats.notHelpful')} testId="article-not-helpful">
            <Group gap={4} component="span">
              <IconThumbDown size={14} aria-hidden />
              <span>{article.votes.notHelpful}</span>
            </Group>
          </Fact>
          <Fact label={t('knowledge.fields.views')} testId="article-views">
            <Group gap={4} component="span">
              <IconEye size={14} aria-hidden />
              <span>{article.viewCount}</span>
            </Group>
          </Fact>
          <Fact label={t('knowledge.facts.sourceCase')} testId="article-source-case">
            {sourceCase ? (
              <Anchor component={Link} to={`/console/cases/${encodeURIComponent(sourceCase.organizationId)}/${encodeURIComponent(sourceCase.id)}`} size="sm">
                {t('knowledge.facts.caseNumber', { number: sourceCase.number })}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('knowledge.facts.createdBy')}>{article.createdBy?.name ?? '—'}</Fact>
          <Fact label={t('knowledge.facts.created')}>{formatDateTime(article.createdAt)}</Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
