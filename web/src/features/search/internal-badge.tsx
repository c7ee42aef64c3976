import { Badge, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "Internal" on a result or its quick view: an article for staff only, not to be sent to customers. */
export function InternalBadge({ size = 12, 'data-testid': testId }: { size?: number; 'data-testid'?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('search.internalHint')}>
      <Badge color="red" variant="light" radius="sm" leftSection={<IconLock size={size} aria-hidden />} data-testid={testId}>
        {t('search.internal')}
      </Badge>
    </Tooltip>
  );
}
