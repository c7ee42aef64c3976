import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServiceName } from '../../app/branding';

export type LegalDocument = 'terms' | 'privacy';

interface LegalDocumentModalProps {
  document: LegalDocument | null;
  version: string;
  onClose: () => void;
}

/** The terms of use or the privacy policy, at the version a new account accepts. */
export function LegalDocumentModal({ document, version, onClose }: LegalDocumentModalProps) {
  const { t } = useTranslation();
  const service = useServiceName();
  const shown = document ?? 'terms';
  return (
    <Modal opened={document !== null} onClose={onClose} title={t(`register.legal.${shown}.title`)} size="lg" centered>
      <Stack gap="md" data-testid="legal-document" data-document={shown}>
        <Group gap="xs">
          <Badge variant="light" radius="sm">
            {t('register.legal.version', { version })}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {t(`register.legal.${shown}.body`, { version, service: service ?? 'Atrium' })}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
