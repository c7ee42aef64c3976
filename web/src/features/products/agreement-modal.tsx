import { Button, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Agreement } from './products.api';

interface AgreementModalProps {
  agreement: Agreement | null;
  onAgree: () => void;
  onCancel: () => void;
  agreeing: boolean;
}

/** The product's licence agreement, shown before the first download of its version: "I agree" or Cancel. */
export function AgreementModal({ agreement, onAgree, onCancel, agreeing }: AgreementModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={agreement !== null} onClose={onCancel} title={agreement?.title ?? ''} size="lg" zIndex={300} data-testid="agreement-modal">
      {agreement ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('products.agreement.intro', { version: agreement.version })}
          </Text>
          <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="agreement-body">
              {agreement.body}
            </Text>
          </ScrollArea.Autosize>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button onClick={onAgree} loading={agreeing} data-testid="agree">
              {t('products.agreement.agree')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
