import { Alert, Button, Checkbox, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconLifebuoy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once: copy them, confirm they are saved, then continue. */
export function RecoveryCodesPanel({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const { t } = useTranslation();
  const [isSaved, setIsSaved] = useState(false);
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconLifebuoy size={18} />}>
        {t('mfa.recoveryCodes.intro')}
      </Alert>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} data-testid="recovery-codes" aria-label={t('mfa.recoveryCodes.title')}>
          {codes.map((code) => (
            <Text key={code} ff="monospace" fz="sm" ta="center" data-testid="recovery-code">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
              {copied ? t('common.copied') : t('mfa.recoveryCodes.copyAll')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Checkbox label={t('mfa.recoveryCodes.saved')} checked={isSaved} onChange={(event) => setIsSaved(event.currentTarget.checked)} />
      <Button onClick={onDone} disabled={!isSaved} data-testid="recovery-codes-done">
        {doneLabel ?? t('common.done')}
      </Button>
    </Stack>
  );
}
