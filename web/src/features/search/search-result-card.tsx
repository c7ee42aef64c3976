import { ActionIcon, Anchor, Badge, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconEye, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { resultDay } from './result-day';
import { HighlightedText } from './highlighted-text';
import { InternalBadge } from './internal-badge';
import { isInternalResult } from './is-internal-result';
import { ResultKindBadge } from './result-kind';
import { isAppPath } from './result-href';
import type { SearchResult } from './search.api';

/** One result of the search page: type, title and snippet with the matches marked, products, date, and a quick view button. */
export function SearchResultCard({ result, onQuickView }: { result: SearchResult; onQuickView: () => void }) {
  const { t } = useTranslation();
  const title = <HighlightedText text={result.title} ranges={result.titleHighlights} />;
  return (
    <Card component="li" withBorder radius="md" p="md" data-testid="search-result" data-kind={result.kind}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <ResultKindBadge kind={result.kind} subtype={result.subtype} />
            {result.verified ? (
              <Badge color="teal" variant="light" radius="sm" leftSection={<IconRosetteDiscountCheck size={12} aria-hidden />} data-testid="result-verified">
                {t('search.verified')}
              </Badge>
            ) : null}
            {result.draft ? (
              <Badge color="gray" variant="outline" radius="sm">
                {t('search.draft')}
              </Badge>
            ) : null}
            {isInternalResult(result) ? <InternalBadge data-testid="result-internal" /> : null}
            {result.reference ? (
              <Text size="xs" c="dimmed" ff="monospace" data-testid="result-reference">
                {result.kind === 'case' ? t('search.caseNumber', { number: result.reference }) : result.reference}
              </Text>
            ) : null}
          </Group>
          <Text fw={600} size="md" style={{ overflowWrap: 'anywhere' }}>
            {isAppPath(result.href) ? (
              <Anchor component={Link} to={result.href} inherit data-testid="result-title">
                {title}
              </Anchor>
            ) : (
              <span data-testid="result-title">{title}</span>
            )}
          </Text>
          {result.snippet ? (
            <Text size="sm" c="dimmed" lineClamp={3} style={{ overflowWrap: 'anywhere' }} data-testid="result-snippet">
              <HighlightedText text={result.snippet} ranges={result.highlights} />
            </Text>
          ) : null}
          <Group gap="xs" wrap="wrap">
            {result.products.map((product) => (
              <Badge key={product.id} variant="default" radius="sm" tt="none" fw={500}>
                {product.name}
              </Badge>
            ))}
            {result.language ? (
              <Text size="xs" c="dimmed">
                {t(`common.languages.${result.language}`)}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" data-testid="result-date">
              {resultDay(result.kind, result.date)}
            </Text>
          </Group>
        </Stack>
        <Tooltip label={t('search.quickView.label')}>
          <ActionIcon variant="subtle" size="lg" aria-label={t('search.quickView.button', { title: result.title })} onClick={onQuickView} data-testid="quick-view-button">
            <IconEye size={20} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Card>
  );
}
