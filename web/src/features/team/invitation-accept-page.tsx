import { Alert, Anchor, Button, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconMailOpened } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { getErrorMessage } from '../../components/get-error-message';
import { useMe, useSignOut } from '../auth/auth.api';
import { AuthLayout } from '../auth/auth-layout';
import { useAcceptInvitation, useInvitationLookup, type InvitationLookup } from './team.api';

function PendingInvitation({ token, invitation }: { token: string; invitation: InvitationLookup }) {
  const { t } = useTranslation();
  const me = useMe();
  const accept = useAcceptInvitation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const here = location.pathname + location.search;

  if (me.isPending) {
    return (
      <Center py="md">
        <Loader type="dots" aria-label={t('common.loading')} />
      </Center>
    );
  }

  if (!me.data) {
    const signInPath = `/sign-in?next=${encodeURIComponent(here)}`;
    return invitation.hasAccount ? (
      <Stack gap="sm">
        <Text size="sm">{t('invitationAccept.signInToAccept')}</Text>
        <Button component={Link} to={signInPath} data-testid="invitation-sign-in">
          {t('signIn.submit')}
        </Button>
      </Stack>
    ) : (
      <Stack gap="sm">
        <Text size="sm">{t('invitationAccept.registerToAccept', { email: invitation.email })}</Text>
        <Button component={Link} to={`/register?email=${encodeURIComponent(invitation.email)}`} data-testid="invitation-register">
          {t('invitationAccept.createAccount')}
        </Button>
        <Text size="sm" c="dimmed" ta="center">
          {t('register.haveAccount')}{' '}
          <Anchor component={Link} to={signInPath}>
            {t('signIn.title')}
          </Anchor>
        </Text>
      </Stack>
    );
  }

  if (me.data.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Stack gap="sm">
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} data-testid="invitation-wrong-account">
          {t('invitationAccept.wrongAccount', { email: invitation.email, current: me.data.email })}
        </Alert>
        <Button variant="default" onClick={() => signOut.mutate(here)} loading={signOut.isPending}>
          {t('invitationAccept.switchAccount')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {accept.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="invitation-accept-error">
          {getErrorMessage(accept.error)}
        </Alert>
      ) : null}
      <Button
        size="md"
        loading={accept.isPending}
        onClick={() => accept.mutate(token, { onSuccess: () => navigate('/portal', { replace: true }) })}
        data-testid="accept-invitation"
      >
        {t('invitationAccept.accept')}
      </Button>
    </Stack>
  );
}

function InvitationBody({ token }: { token: string }) {
  const { t } = useTranslation();
  const lookup = useInvitationLookup(token);

  if (!token) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="invitation-invalid">
        {t('invitationAccept.missingToken')}
      </Alert>
    );
  }
  if (lookup.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="invitation-invalid">
        {getErrorMessage(lookup.error)}
      </Alert>
    );
  }
  if (!lookup.data) {
    return (
      <Center py="md">
        <Loader type="dots" aria-label={t('common.loading')} />
      </Center>
    );
  }
  const invitation = lookup.data;
  return (
    <Stack gap="md" data-status={invitation.status}>
      <Text size="sm">
        {t('invitationAccept.summary', { organization: invitation.organizationName, role: t(`roles.member.${invitation.role}`) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('invitationAccept.sentTo', { email: invitation.email })}
      </Text>
      {invitation.status === 'pending' ? (
        <PendingInvitation token={token} invitation={invitation} />
      ) : (
        <Alert color={invitation.status === 'accepted' ? 'teal' : 'orange'} variant="light" data-testid="invitation-unavailable">
          {t(`invitationAccept.status.${invitation.status}`)}
          {invitation.status === 'accepted' ? (
            <Anchor component={Link} to="/portal" display="block" mt={4} size="sm">
              {t('invitationAccept.goToPortal')}
            </Anchor>
          ) : null}
        </Alert>
      )}
    </Stack>
  );
}

/** `/invitations/accept?token=…`: what the invitation is for, and how to accept it signed in or not. */
export function InvitationAcceptPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitationAccept.title'));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';

  return (
    <AuthLayout>
      <Stack gap="md" data-testid="invitation-accept">
        <Stack align="center" gap="xs">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconMailOpened size={30} stroke={1.5} />
          </ThemeIcon>
          <Title order={1} size="h3">
            {t('invitationAccept.title')}
          </Title>
        </Stack>
        <InvitationBody token={token} />
      </Stack>
    </AuthLayout>
  );
}
