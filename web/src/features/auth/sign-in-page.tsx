import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { useMe, type MfaChallenge } from './auth.api';
import { AuthLayout } from './auth-layout';
import { getLandingPath } from './get-landing-path';
import { MfaStep } from './mfa-step';
import { PasswordStep } from './password-step';

/** The codes a failed single sign-on comes back with (`/sign-in?sso_error=…`), and their texts. */
const ssoErrorKeys = {
  'auth.sso_failed': 'failed',
  'auth.sso_email_not_allowed': 'emailNotAllowed',
  'auth.sso_email_not_verified': 'emailNotVerified',
  'auth.ip_not_allowed': 'ipNotAllowed',
} as const;

function getSsoErrorKey(code: string) {
  return code in ssoErrorKeys ? ssoErrorKeys[code as keyof typeof ssoErrorKeys] : 'failed';
}

/** `/sign-in`: email and password (or single sign-on), then the second step when the account has one. */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('signIn.title')} · Atrium`);
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const reason = searchParams.get('reason');
  const ssoError = searchParams.get('sso_error');
  const me = useMe();
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [restartMessage, setRestartMessage] = useState<string | null>(null);
  const [email, setEmail] = useState('');

  if (me.data) return <Navigate to={getLandingPath(me.data, next)} replace />;
  if (me.isPending && !me.isError) return <PageLoader />;

  const notice = (() => {
    if (restartMessage) return { color: 'orange', message: restartMessage };
    if (ssoError) return { color: 'red', message: t(`signIn.ssoErrors.${getSsoErrorKey(ssoError)}`) };
    if (reason === 'idle') return { color: 'blue', message: t('signIn.idleNotice') };
    return null;
  })();

  return (
    <AuthLayout>
      {challenge ? (
        <MfaStep
          challenge={challenge}
          onRestart={(message) => {
            setRestartMessage(message);
            setChallenge(null);
          }}
        />
      ) : (
        <PasswordStep
          next={next}
          notice={notice}
          defaultEmail={email}
          onMfaRequired={(started, typedEmail) => {
            setRestartMessage(null);
            setEmail(typedEmail);
            setChallenge(started);
          }}
        />
      )}
    </AuthLayout>
  );
}
