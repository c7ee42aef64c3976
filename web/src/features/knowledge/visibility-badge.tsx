import { Badge } from '@mantine/core';
import type { ArticleVisibility } from '@common/knowledge';
import { IconLock, IconUsers, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const icons = { internal: IconLock, customers: IconUsers, public: IconWorld } as const;
const colors: Record<ArticleVisibility, string> = { internal: 'gray', customers: 'blue', public: 'grape' };

/** Who may read the article: staff only, customers, or anyone. */
export function VisibilityBadge({ visibility }: { visibility: ArticleVisibility }) {
  const { t } = useTranslation();
  const Icon = icons[visibility];
  return (
    <Badge color={colors[visibility]} variant="light" miw="max-content" leftSection={<Icon size={12} />} data-visibility={visibility}>
      {t(`knowledge.visibility.${visibility}`)}
    </Badge>
  );
}
