import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailEnrolment } from './email-enrolment';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { TotpEnrolment } from './totp-enrolment';

/** Adds a second step from the account page, then shows the recovery codes of a first method. */
export function MfaEnrolmentModal({ method, onClose }: { method: 'totp' | 'email' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<string[] | null>(null);

  const close = () => {
    setCodes(null);
    onClose();
  };

  return (
    <Modal
      opened={method !== null}
      onClose={close}
      title={codes ? t('mfa.recoveryCodes.title') : t(`mfa.${method ?? 'totp'}.setupTitle`)}
      centered
      // Recovery codes are shown once: leave only through "I saved them".
      closeOnClickOutside={!codes}
      closeOnEscape={!codes}
      withCloseButton={!codes}
    >
      {codes ? (
        <RecoveryCodesPanel codes={codes} onDone={close} />
      ) : method === 'totp' ? (
        <TotpEnrolment onEnrolled={(received) => (received ? setCodes(received) : close())} />
      ) : method === 'email' ? (
        <EmailEnrolment onEnrolled={(received) => (received ? setCodes(received) : close())} />
      ) : null}
    </Modal>
  );
}
