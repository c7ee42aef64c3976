import { ActionIcon, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The organization's ID with a copy button, to quote to support. */
export function OrganizationIdField({ organizationId, withHint = true }: { organizationId: string; withHint?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="organization-id-label">
        {t('organizations.fields.id')}
      </Text>
      <Group gap={4} wrap="nowrap">
        <Code fz="sm" aria-labelledby="organization-id-label" data-testid="organization-id" style={{ wordBreak: 'break-all' }}>
          {organizationId}
        </Code>
        <CopyButton value={organizationId}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('organizations.copyId')} data-testid="copy-organization-id">
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      {withHint ? (
        <Text size="xs" c="dimmed">
          {t('organizations.idHint')}
        </Text>
      ) : null}
    </Stack>
  );
}
