import { Alert, Badge, Button, Card, Divider, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceMobile, IconInfoCircle, IconLifebuoy, IconMail } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useDisableMfaMethod, useMfaStatus, useRegenerateRecoveryCodes } from './mfa.api';
import { MfaEnrolmentModal } from './mfa-enrolment-modal';
import { PasswordConfirmModal } from './password-confirm-modal';
import { RecoveryCodesPanel } from './recovery-codes-panel';

type Method = 'totp' | 'email';

function MethodRow({ icon, title, description, status, actions }: { icon: ReactNode; title: string; description: string; status: ReactNode; actions: ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 260px' }}>
        {icon}
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{title}</Text>
            {status}
          </Group>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
      </Group>
      <Group gap="xs">{actions}</Group>
    </Group>
  );
}

/** The account page's two-step sign-in: which methods are on, adding and removing them, and recovery codes. */
export function MfaSection() {
  const { t } = useTranslation();
  const status = useMfaStatus();
  const disable = useDisableMfaMethod();
  const regenerate = useRegenerateRecoveryCodes();
  const [enrolling, setEnrolling] = useState<Method | null>(null);
  const [disabling, setDisabling] = useState<Method | null>(null);
  const [isRegenerating, setIsRegenerating] = useState(false);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);

  const closeDisable = () => {
    setDisabling(null);
    disable.reset();
  };
  const closeRegenerate = () => {
    setIsRegenerating(false);
    regenerate.reset();
  };

  const renderBody = () => {
    if (status.isError) return <LoadErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
    if (!status.data) return <Skeleton height={120} radius="md" />;
    const { totp, email, recoveryCodesLeft, required } = status.data;
    const methodStatus = (enabled: boolean) => (
      <Badge variant="light" color={enabled ? 'teal' : 'gray'} radius="sm" data-enabled={enabled}>
        {enabled ? t('mfa.enabled') : t('mfa.disabled')}
      </Badge>
    );
    const methodActions = (method: Method, enabled: boolean) =>
      enabled ? (
        <Button size="xs" variant="default" color="red" onClick={() => setDisabling(method)} data-testid={`mfa-disable-${method}`}>
          {t('mfa.turnOff')}
        </Button>
      ) : (
        <Button size="xs" variant="light" onClick={() => setEnrolling(method)} data-testid={`mfa-enable-${method}`}>
          {t('mfa.setUp')}
        </Button>
      );

    return (
      <Stack gap="md">
        {required ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('mfa.requiredNote')}
          </Alert>
        ) : null}
        <MethodRow
          icon={<IconDeviceMobile size={24} stroke={1.6} />}
          title={t('mfa.totp.title')}
          description={t('mfa.totp.description')}
          status={methodStatus(totp)}
          actions={methodActions('totp', totp)}
        />
        <Divider />
        <MethodRow
          icon={<IconMail size={24} stroke={1.6} />}
          title={t('mfa.email.title')}
          description={t('mfa.email.description')}
          status={methodStatus(email)}
          actions={methodActions('email', email)}
        />
        {totp || email ? (
          <>
            <Divider />
            <MethodRow
              icon={<IconLifebuoy size={24} stroke={1.6} />}
              title={t('mfa.recoveryCodes.title')}
              description={t('mfa.recoveryCodes.description')}
              status={
                <Badge variant="light" color={recoveryCodesLeft > 2 ? 'gray' : 'orange'} radius="sm" data-testid="recovery-codes-left">
                  {t('mfa.recoveryCodes.left', { left: recoveryCodesLeft })}
                </Badge>
              }
              actions={
                <Button size="xs" variant="default" onClick={() => setIsRegenerating(true)} data-testid="mfa-regenerate-codes">
                  {t('mfa.recoveryCodes.regenerate')}
                </Button>
              }
            />
          </>
        ) : null}
      </Stack>
    );
  };

  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-labelledby="mfa-title" data-testid="mfa-section">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="mfa-title">
            {t('mfa.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mfa.intro')}
          </Text>
        </Stack>
        {renderBody()}
      </Stack>

      <MfaEnrolmentModal
        method={enrolling}
        onClose={() => {
          setEnrolling(null);
        }}
      />
      <PasswordConfirmModal
        opened={disabling !== null}
        title={t(`mfa.${disabling ?? 'totp'}.disableTitle`)}
        description={t('mfa.disableDescription')}
        confirmLabel={t('mfa.turnOff')}
        color="red"
        isPending={disable.isPending}
        error={disable.error}
        onClose={closeDisable}
        onConfirm={(password) => {
          if (!disabling) return;
          disable.mutate(
            { method: disabling, password },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('mfa.turnedOff') });
                closeDisable();
              },
            },
          );
        }}
      />
      <PasswordConfirmModal
        opened={isRegenerating}
        title={t('mfa.recoveryCodes.regenerate')}
        description={t('mfa.recoveryCodes.regenerateDescription')}
        confirmLabel={t('mfa.recoveryCodes.regenerate')}
        isPending={regenerate.isPending}
        error={regenerate.error}
        onClose={closeRegenerate}
        onConfirm={(password) =>
          regenerate.mutate(password, {
            onSuccess: (result) => {
              closeRegenerate();
              setNewCodes(result.codes);
            },
          })
        }
      />
      <Modal opened={newCodes !== null} onClose={() => setNewCodes(null)} title={t('mfa.recoveryCodes.title')} centered closeOnClickOutside={false} closeOnEscape={false} withCloseButton={false}>
        {newCodes ? <RecoveryCodesPanel codes={newCodes} onDone={() => setNewCodes(null)} /> : null}
      </Modal>
    </Card>
  );
}
