import { Anchor, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { useMe, useSignOut } from '../auth/auth.api';
import { AuthLayout } from '../auth/auth-layout';
import { getLandingPath } from '../auth/get-landing-path';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { EmailEnrolment } from './email-enrolment';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { TotpEnrolment } from './totp-enrolment';

/** `/setup-two-step`: the enrolment an organization requires before anything else. */
export function SetupTwoStepPage() {
  const { t } = useTranslation();
  usePageTitle(t('setupTwoStep.title'));
  const me = useSignedInMe();
  const { refetch } = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const [method, setMethod] = useState<'totp' | 'email'>('totp');
  const [phase, setPhase] = useState<'enrolling' | 'codes' | 'leaving'>('enrolling');
  const [codes, setCodes] = useState<string[] | null>(null);

  // Nothing to set up (any more): carry on. Not while showing the new recovery codes.
  if (!me.mfaEnrollmentRequired && phase === 'enrolling') return <Navigate to={getLandingPath(me, next)} replace />;

  const carryOn = async () => {
    setPhase('leaving');
    const { data } = await refetch();
    void navigate(data ? getLandingPath(data, next) : '/', { replace: true });
  };

  const enrolled = (received: string[] | null) => {
    if (!received) return void carryOn();
    setCodes(received);
    setPhase('codes');
  };

  return (
    <AuthLayout width={480}>
      <Stack gap="md" data-testid="setup-two-step">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconShieldCheck size={28} stroke={1.6} color="var(--mantine-primary-color-filled)" style={{ flexShrink: 0 }} />
          <Stack gap={4}>
            <Title order={1} size="h3">
              {phase === 'enrolling' ? t('setupTwoStep.title') : t('mfa.recoveryCodes.title')}
            </Title>
            {phase === 'enrolling' ? (
              <Text size="sm" c="dimmed">
                {t('setupTwoStep.intro')}
              </Text>
            ) : null}
          </Stack>
        </Group>
        {phase === 'enrolling' ? (
          <>
            <SegmentedControl
              fullWidth
              value={method}
              onChange={(value) => setMethod(value === 'email' ? 'email' : 'totp')}
              data={[
                { value: 'totp', label: t('mfa.totp.title') },
                { value: 'email', label: t('mfa.email.title') },
              ]}
              aria-label={t('setupTwoStep.method')}
              data-testid="setup-two-step-method"
            />
            {method === 'totp' ? <TotpEnrolment key="totp" onEnrolled={enrolled} /> : <EmailEnrolment key="email" onEnrolled={enrolled} />}
          </>
        ) : codes ? (
          <RecoveryCodesPanel codes={codes} onDone={() => void carryOn()} doneLabel={t('setupTwoStep.continue')} />
        ) : null}
        <Group justify="center">
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => signOut.mutate()}>
            {t('shell.signOut')}
          </Anchor>
        </Group>
      </Stack>
    </AuthLayout>
  );
}
