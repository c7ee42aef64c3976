import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconClockPause } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { PasswordField } from '../../components/password-field';
import { PageLoader } from '../../components/page-loader';
import { useMe, useSignIn } from './auth.api';
import { AuthLayout } from './auth-layout';
import { getHomePath } from './get-home-path';
import { getSafeNextPath } from './get-safe-next-path';
import type { Me } from './me';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where to go once signed in: a pending password change first, then the page asked for, then home. */
function getLandingPath(me: Me, next: string | null): string {
  if (me.mustChangePassword) return '/change-password';
  return getSafeNextPath(next) ?? getHomePath(me);
}

/** `/sign-in`: email and password. */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('signIn.title')} · Atrium`);
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const me = useMe();
  const signIn = useSignIn();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  if (me.data && !signIn.isSuccess) return <Navigate to={getLandingPath(me.data, next)} replace />;
  if (me.isPending && !me.isError) return <PageLoader />;

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('signIn.errors.emailRequired');
    else if (!emailPattern.test(email.trim())) errors.email = t('signIn.errors.emailInvalid');
    if (!password) errors.password = t('signIn.errors.passwordRequired');
    return errors;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (signedIn) => void navigate(getLandingPath(signedIn, next), { replace: true }),
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const server = error.fieldErrors;
          setFieldErrors({ email: server.email?.[0], password: server.password?.[0] });
        },
      },
    );
  };

  const error = signIn.error;
  const isRateLimited = error instanceof ApiError && error.status === 429;
  const hasFieldErrors = error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-title" data-testid="sign-in-form">
        <Stack gap="md">
          <Title order={1} size="h3" id="sign-in-title">
            {t('signIn.title')}
          </Title>
          {error && !hasFieldErrors ? (
            <Alert
              color={isRateLimited ? 'orange' : 'red'}
              variant="light"
              icon={isRateLimited ? <IconClockPause size={18} /> : <IconAlertCircle size={18} />}
              role="alert"
              data-testid="sign-in-error"
            >
              {getErrorMessage(error)}
            </Alert>
          ) : null}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            autoFocus
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setFieldErrors((errors) => ({ ...errors, email: undefined }));
            }}
            error={fieldErrors.email}
          />
          <PasswordField
            label={t('signIn.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setFieldErrors((errors) => ({ ...errors, password: undefined }));
            }}
            error={fieldErrors.password}
          />
          <Button type="submit" size="md" fullWidth loading={signIn.isPending} mt="xs">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
