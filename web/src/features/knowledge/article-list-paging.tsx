import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** How many articles match, announced politely to screen readers; nothing until the first page. */
export function ArticlesTotal({ list, total }: { list: { data: unknown }; total: number }) {
  const { t } = useTranslation();
  if (!list.data) return null;
  return (
    <Text size="sm" c="dimmed" aria-live="polite" data-testid="articles-total">
      {t('knowledge.list.total', { count: total })}
    </Text>
  );
}
