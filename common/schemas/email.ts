import { z } from 'zod';

/**
 * Zod's email pattern with a local part of at most 64 characters (RFC 5321 §4.5.3.1.1): mail servers
 * refuse longer ones, so such an address could never receive its verification link.
 */
const EMAIL_PATTERN = new RegExp(`^(?=[^@]{1,64}@)${z.regexes.email.source.slice(1)}`);

/**
 * An email address Atrium will send to: trimmed, lower-cased, at most 254 characters, no line breaks
 * (they would end up in mail headers). Registration, invitations and the vendor profile share it.
 */
export const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .email({ pattern: EMAIL_PATTERN })
  .max(254)
  .refine((value) => !/[\r\n]/.test(value), 'validation.header_injection');

/** Whether the server would take `value` as an email address: the forms' check before sending. */
export function isEmailAddress(value: string): boolean {
  return EmailAddress.safeParse(value).success;
}
