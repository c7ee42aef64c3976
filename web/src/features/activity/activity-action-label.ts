import type { TFunction } from 'i18next';

/** The actions with a translated name, and their key under `activity.actions`. */
const actionKeys = {
  'sign_in.succeeded': 'signInSucceeded',
  'sign_in.failed': 'signInFailed',
  'sign_in.locked': 'signInLocked',
  'sign_in.ip_refused': 'signInIpRefused',
  sign_out: 'signOut',
  'sign_out.idle': 'signOutIdle',
  'sso.succeeded': 'ssoSucceeded',
  'sso.failed': 'ssoFailed',
  'mfa.failed': 'mfaFailed',
  'mfa.totp.enabled': 'mfaTotpEnabled',
  'mfa.totp.disabled': 'mfaTotpDisabled',
  'mfa.email.enabled': 'mfaEmailEnabled',
  'mfa.email.disabled': 'mfaEmailDisabled',
  'mfa.recovery_code.used': 'mfaRecoveryCodeUsed',
  'mfa.recovery_codes.regenerated': 'mfaRecoveryCodesRegenerated',
  register: 'register',
  'register.existing_email': 'registerExistingEmail',
  'email.verified': 'emailVerified',
  'password.changed': 'passwordChanged',
  'password.reset': 'passwordReset',
  'password_reset.requested': 'passwordResetRequested',
  'session.ended': 'sessionEnded',
  'user.created': 'userCreated',
  'token.created': 'tokenCreated',
  'token.revoked': 'tokenRevoked',
  'settings.security.updated': 'settingsSecurityUpdated',
  'settings.profile.updated': 'settingsProfileUpdated',
  'identity_provider.created': 'identityProviderCreated',
  'identity_provider.updated': 'identityProviderUpdated',
  'identity_provider.deleted': 'identityProviderDeleted',
  'organization.created': 'organizationCreated',
  'organization.updated': 'organizationUpdated',
  'organization.archived': 'organizationArchived',
  'organization.restored': 'organizationRestored',
  'organization.require_mfa.updated': 'organizationRequireMfaUpdated',
  'organization.account_team.updated': 'organizationAccountTeamUpdated',
  'site.created': 'siteCreated',
  'site.updated': 'siteUpdated',
  'site.moved': 'siteMoved',
  'site.deleted': 'siteDeleted',
  'member.updated': 'memberUpdated',
  'member.role.updated': 'memberRoleUpdated',
  'member.sites.updated': 'memberSitesUpdated',
  'member.deactivated': 'memberDeactivated',
  'member.reactivated': 'memberReactivated',
  'member.removed': 'memberRemoved',
  'member.joined': 'memberJoined',
  'invitation.created': 'invitationCreated',
  'invitation.revoked': 'invitationRevoked',
  'invitation.accepted': 'invitationAccepted',
} as const;

type ActionKey = (typeof actionKeys)[keyof typeof actionKeys];

/** An action code as words: `organization.require_mfa.updated` → `Organization require mfa updated`. */
export function humanizeAction(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : action;
}

/** The name of an action in the UI's language; an action without a translation is shown humanized. */
export function getActivityActionLabel(action: string, t: TFunction): string {
  const key: ActionKey | undefined = Object.hasOwn(actionKeys, action) ? actionKeys[action as keyof typeof actionKeys] : undefined;
  return key ? t(`activity.actions.${key}`) : humanizeAction(action);
}
