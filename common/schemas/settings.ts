import { z } from 'zod';
import { EmailAddress } from './email';
import { Line } from './text';

/**
 * One allowed-IP entry: an address (`203.0.113.7`, `2001:db8::1`), a CIDR block (`10.0.0.0/8`) or an
 * IPv4 wildcard where `*` stands for whole trailing octets (`192.168.1.*`, `10.*.*.*`).
 */
export const IpRule = z.string().trim().max(64).refine(isIpRule, 'settings.invalid_ip_rule');

const isOctet = (part: string) => /^\d{1,3}$/.test(part) && Number(part) <= 255;

/** True for an IPv4 or IPv6 address, a CIDR block, or an IPv4 wildcard with `*` only in trailing octets. */
export function isIpRule(rule: string): boolean {
  const [address = '', prefix, extra] = rule.split('/');
  if (extra !== undefined) return false;
  if (address.includes(':')) {
    // IPv6: hex groups and at most one `::`; the server checks the address fully.
    const ok = /^[0-9a-fA-F:]+$/.test(address) && address.split('::').length <= 2 && address.split(':').length <= 8;
    return ok && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= 128));
  }
  const parts = address.split('.');
  if (parts.length !== 4) return false;
  const firstStar = parts.indexOf('*');
  if (firstStar !== -1) {
    return prefix === undefined && firstStar > 0 && parts.slice(firstStar).every((p) => p === '*') && parts.slice(0, firstStar).every(isOctet);
  }
  return parts.every(isOctet) && (prefix === undefined || (/^\d{1,2}$/.test(prefix) && Number(prefix) <= 32));
}

export const PasswordPolicy = z.object({
  minLength: z.number().int().min(6).max(64).default(7),
  requireLower: z.boolean().default(true),
  requireUpper: z.boolean().default(true),
  requireDigit: z.boolean().default(true),
  requireSpecial: z.boolean().default(true),
  blockCommon: z.boolean().default(true).describe('Refuse passwords found in a list of common passwords'),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

/** Console Settings of seed 001, with their documented defaults. */
export const SecuritySettings = z.object({
  lockoutAttempts: z.number().int().min(1).max(100).default(5).describe('Failed sign-ins before the lock'),
  lockoutSeconds: z.number().int().min(1).max(86_400).default(30).describe('How long sign-in stays locked'),
  idleTimeoutSeconds: z.number().int().min(60).max(86_400).default(1800).describe('Sign out after this long without activity'),
  consoleAllowedIps: z.array(IpRule).max(200).default([]).describe('Where vendor staff may sign in from; empty allows all'),
  agentAllowedIps: z.array(IpRule).max(200).default([]).describe('Where remote-support agents may sign in from; empty allows all'),
  passwordPolicy: PasswordPolicy.default(PasswordPolicy.parse({})),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

/** The vendor administrator's own information (seed 001, 관리자정보). */
export const VendorProfile = z.object({
  companyName: Line(0, 100).default(''),
  serviceName: Line(0, 100).default('Atrium'),
  contactName: Line(0, 100).default(''),
  phone: z.string().trim().max(40).regex(/^[0-9+()\-\s]*$/, 'settings.invalid_phone').default(''),
  email: z.union([z.literal(''), EmailAddress]).default(''),
});
export type VendorProfile = z.infer<typeof VendorProfile>;

/** The versions of the terms and privacy policy a new account accepts. */
export const LegalSettings = z.object({
  termsVersion: Line(1, 40).default('2026-01'),
  privacyVersion: Line(1, 40).default('2026-01'),
});
export type LegalSettings = z.infer<typeof LegalSettings>;
