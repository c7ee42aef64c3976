import { useRegistrationInfo } from './auth.api';
import { defaultPasswordPolicy, type PasswordPolicy } from './password-rules';

/** The password policy in force; the default one until the server has answered (or if it cannot). */
export function usePasswordPolicy(): PasswordPolicy {
  const { data } = useRegistrationInfo();
  return data?.passwordPolicy ?? defaultPasswordPolicy;
}
