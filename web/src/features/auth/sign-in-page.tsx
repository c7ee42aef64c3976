import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
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

/**
 * The second step a single sign-on still needs, from the fragment the server's callback put it in
 * (`#mfa_challenge=…&methods=totp,recovery&expires_in=600`), or null. The fragment is cleared so the
 * challenge does not stay in the address bar or history.
 */
function takeSsoChallenge(): MfaChallenge | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const challengeToken = fragment.get('mfa_challenge');
  if (!challengeToken) return null;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  const methods = (fragment.get('methods') ?? '').split(',').filter((m): m is MfaChallenge['methods'][number] => m === 'totp' || m === 'email' || m === 'recovery');
  return { status: 'mfa_required', challengeToken, methods, expiresInSeconds: Number(fragment.get('expires_in')) || 600 };
}

function getSsoErrorKey(code: string) {
  return code in ssoErrorKeys ? ssoErrorKeys[code as keyof typeof ssoErrorKeys] : 'failed';
}

/** `/sign-in`: email and password (or single sign-on), then the second step when the account has one. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const reason = searchParams.get('reason');
  const ssoError = searchParams.get('sso_error');
  const me = useMe();
  const [challenge, setChallenge] = useState<MfaChallenge | null>(takeSsoChallenge);
  const [restartMessage, setRestartMessage] = useState<string | null>(null);
  const [email, setEmail] = useState('');

  if (me.data) return <Navigate to={getLandingPath(me.data, next)} replace />;
  if (me.isPending && !me.isError) return <PageLoader />;

  const notice = (() => {
    if (restartMessage) return { color: 'orange', message: restartMessage };
    if (ssoError) return { color: 'red', message: t(`signIn.ssoErrors.${getSsoErrorKey(ssoError)}`) };
    if (reason === 'idle') return { color: 'blue', message: t('signIn.idleNotice') };
    if (reason === 'ended') return { color: 'blue', message: t('signIn.endedNotice') };
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
