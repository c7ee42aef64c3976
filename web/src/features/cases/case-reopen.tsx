import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DEFAULT_REOPEN_WINDOW_DAYS } from '@common/cases';
import { IconAlertCircle, IconArrowBackUp, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { requiredFieldProps } from '../../components/required-field-props';
import type { CaseFace } from './case-href';
import { useReopenCase, type CaseDetail } from './cases.api';
import { getFormErrors } from '../../components/get-form-errors';

const DAY_MS = 86_400_000;

/** The reopen window in days, from when the case closed and until when it may be reopened. */
const windowDays = (detail: CaseDetail) =>
  detail.closedAt && detail.reopenUntil ? Math.round((Date.parse(detail.reopenUntil) - Date.parse(detail.closedAt)) / DAY_MS) : DEFAULT_REOPEN_WINDOW_DAYS;

function ReopenModal({ organizationId, detail, opened, onClose }: { organizationId: string; detail: CaseDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const reopen = useReopenCase(organizationId, detail.id);
  const [reason, setReason] = useState('');
  const [showError, setShowError] = useState(false);
  // The server's message about the reason (e.g. control characters), until it is edited.
  const [reasonError, setReasonError] = useState<string | undefined>();
  const formError = reopen.isError ? getFormErrors(reopen.error, ['reason']).form : null;
  const submit = () => {
    if (!reason.trim()) return setShowError(true);
    setReasonError(undefined);
    reopen.mutate(
      { reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('cases.reopen.sent') });
          setReason('');
          onClose();
        },
        onError: (error) => setReasonError(getFormErrors(error, ['reason']).fields.reason),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.reopen.title')} centered>
      <Stack gap="md" data-testid="reopen-modal">
        <Text size="sm">{t('cases.reopen.intro')}</Text>
        <Textarea
          label={t('cases.reopen.reason')}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(undefined);
          }}
          autosize
          minRows={4}
          maxLength={5000}
          error={showError && !reason.trim() ? t('cases.reopen.reasonRequired') : reasonError}
          {...requiredFieldProps}
          data-autofocus
        />
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={reopen.isPending} data-testid="send-reopen">
            {t('cases.reopen.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Under a closed case: within the reopen window, "Request reopen" (a reason, then the case returns
 * to work); after it, and at once under an abandoned case (only engineers bring one back), the
 * offer of a new case that references this one (portal).
 */
export function CaseReopen({ organizationId, detail, face }: { organizationId: string; detail: CaseDetail; face: CaseFace }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const { abilities } = detail;
  if (abilities.requestReopen) {
    return (
      <Alert color="gray" variant="light" icon={<IconArrowBackUp size={18} />} title={t('cases.reopen.closedTitle')} data-testid="reopen-offer">
        <Stack gap="xs">
          <Text size="sm">{t('cases.reopen.canReopen', { until: formatDateTime(detail.reopenUntil) })}</Text>
          <Button size="xs" w="fit-content" onClick={() => setOpened(true)} data-testid="request-reopen">
            {t('cases.reopen.request')}
          </Button>
        </Stack>
        <ReopenModal organizationId={organizationId} detail={detail} opened={opened} onClose={() => setOpened(false)} />
      </Alert>
    );
  }
  if (abilities.offerNewCase && face === 'portal') {
    const abandoned = detail.status === 'abandoned';
    return (
      <Alert color="gray" variant="light" icon={<IconArrowBackUp size={18} />} title={abandoned ? t('cases.reopen.abandonedTitle') : t('cases.reopen.closedTitle')} data-testid="new-case-offer">
        <Stack gap="xs">
          <Text size="sm">{abandoned ? t('cases.reopen.abandoned') : t('cases.reopen.tooLate', { days: windowDays(detail) })}</Text>
          <Button size="xs" w="fit-content" component={Link} to={`/portal/cases/new?related=${encodeURIComponent(detail.id)}`} leftSection={<IconPlus size={14} />} data-testid="open-related-case">
            {t('cases.reopen.newCase')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return null;
}
