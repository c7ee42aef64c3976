import { Alert, Button, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api-error';
import { usePageTitle } from '../../app/branding';
import { getErrorMessage } from '../../components/get-error-message';
import { useVerifyEmail } from './auth.api';
import { AuthLayout } from './auth-layout';
import { getLinkProblem } from './get-link-problem';
import { ResendVerificationForm } from './resend-verification-form';

/** `/verify-email?token=…`: verifies the address from the emailed link as soon as it opens. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t('verifyEmail.title'));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const verify = useVerifyEmail();
  const { mutate: verifyToken } = verify;
  // A link works once: verify each token a single time, even when effects run twice in development.
  const verifiedToken = useRef<string | null>(null);

  useEffect(() => {
    if (!token || verifiedToken.current === token) return;
    verifiedToken.current = token;
    verifyToken(token);
  }, [token, verifyToken]);

  // A link opened again after the address was verified: done already, sign in next.
  const already = verify.error instanceof ApiError && verify.error.code === 'auth.email_already_verified';
  const status = !token ? 'invalid' : verify.isSuccess || already ? 'verified' : verify.isError ? 'failed' : 'verifying';
  const linkProblem = getLinkProblem(verify.error);

  return (
    <AuthLayout>
      <Stack gap="md" data-testid="verify-email-status" data-status={status} aria-live="polite">
        <Title order={1} size="h3">
          {t('verifyEmail.title')}
        </Title>
        {status === 'verifying' ? (
          <Stack align="center" py="md" gap="sm">
            <Loader type="dots" aria-label={t('verifyEmail.verifying')} />
            <Text size="sm" c="dimmed">
              {t('verifyEmail.verifying')}
            </Text>
          </Stack>
        ) : null}
        {status === 'verified' ? (
          <Stack align="center" ta="center" gap="md">
            <ThemeIcon size={64} radius="xl" variant="light" color="teal">
              <IconCircleCheck size={36} stroke={1.5} />
            </ThemeIcon>
            <Text>{already ? getErrorMessage(verify.error) : t('verifyEmail.verified')}</Text>
            <Button component={Link} to="/sign-in" fullWidth>
              {t('common.goToSignIn')}
            </Button>
          </Stack>
        ) : null}
        {status === 'invalid' || status === 'failed' ? (
          <>
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
              {status === 'invalid' ? t('verifyEmail.missingToken') : (linkProblem ?? getErrorMessage(verify.error))}
            </Alert>
            {status === 'invalid' || linkProblem ? (
              <>
                <Text size="sm">{t('verifyEmail.resendIntro')}</Text>
                <ResendVerificationForm />
              </>
            ) : (
              <Button variant="light" onClick={() => verifyToken(token)}>
                {t('common.retry')}
              </Button>
            )}
            <Button component={Link} to="/sign-in" variant="default">
              {t('common.goToSignIn')}
            </Button>
          </>
        ) : null}
      </Stack>
    </AuthLayout>
  );
}
