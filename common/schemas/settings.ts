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

/** An allowed-IP list as stored. */
const IpRules = z.array(IpRule).max(200);

/**
 * An allowed-IP list as a request sends it: each rule once. A repeated rule (compared without case,
 * for IPv6) is reported at its own index, as `settings.invalid_ip_rule` is.
 */
const UniqueIpRules = IpRules.superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const key = rule.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'settings.duplicate_ip_rule', path: [index], input: rule });
    seen.add(key);
  });
});

type WithoutDefaults<S extends z.ZodRawShape> = { [K in keyof S]: S[K] extends z.ZodDefault<infer T extends z.core.$ZodType> ? T : S[K] };

/**
 * A settings schema without its defaults, for the body of a PUT: a PUT replaces the whole setting, so
 * a field left out is refused rather than silently reset to its default.
 */
function withoutDefaults<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<WithoutDefaults<S>> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([name, field]) => [name, field instanceof z.ZodDefault ? field.unwrap() : field]));
  return z.object(shape) as unknown as z.ZodObject<WithoutDefaults<S>>;
}

/*
 * Each setting has two schemas: the stored one (`SecuritySettings`) fills in the defaults of fields a
 * stored value lacks (a setting never saved, or saved before the field existed); the body one
 * (`SecuritySettingsBody`) has no defaults, so a request must send every field.
 */

/** The password rules, with their defaults. */
export const PasswordPolicy = z.object({
  minLength: z.number().int().min(6).max(64).default(7),
  requireLower: z.boolean().default(true),
  requireUpper: z.boolean().default(true),
  requireDigit: z.boolean().default(true),
  requireSpecial: z.boolean().default(true),
  blockCommon: z.boolean().describe('Refuse passwords found in a list of common passwords').default(true),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

/** The password rules as a request sends them: every field. */
export const PasswordPolicyBody = withoutDefaults(PasswordPolicy);
export type PasswordPolicyBody = z.infer<typeof PasswordPolicyBody>;

/** Console Settings of seed 001, with their documented defaults. */
export const SecuritySettings = z.object({
  lockoutAttempts: z.number().int().min(1).max(100).describe('Failed sign-ins before the lock').default(5),
  lockoutSeconds: z.number().int().min(1).max(86_400).describe('How long sign-in stays locked').default(30),
  idleTimeoutSeconds: z.number().int().min(60).max(86_400).describe('Sign out after this long without activity').default(1800),
  consoleAllowedIps: IpRules.describe('Where vendor staff may sign in from; empty allows all').default([]),
  agentAllowedIps: IpRules.describe('Where remote-support agents may sign in from; empty allows all').default([]),
  passwordPolicy: PasswordPolicy.default(PasswordPolicy.parse({})),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

/** The body of `PUT /api/v1/admin/settings/security`: every field, each allowed IP once. */
export const SecuritySettingsBody = withoutDefaults(SecuritySettings).extend({
  consoleAllowedIps: UniqueIpRules.describe('Where vendor staff may sign in from; empty allows all'),
  agentAllowedIps: UniqueIpRules.describe('Where remote-support agents may sign in from; empty allows all'),
  passwordPolicy: PasswordPolicyBody,
});
export type SecuritySettingsBody = z.infer<typeof SecuritySettingsBody>;

/** The vendor administrator's own information (seed 001, 관리자정보). */
export const VendorProfile = z.object({
  companyName: Line(0, 100).default(''),
  serviceName: Line(0, 100).default('Atrium'),
  contactName: Line(0, 100).default(''),
  phone: z.string().trim().max(40).regex(/^[0-9+()\-\s]*$/, 'settings.invalid_phone').default(''),
  email: z.union([z.literal(''), EmailAddress]).default(''),
});
export type VendorProfile = z.infer<typeof VendorProfile>;

/** What anyone may read of the vendor profile: the service's name (Atrium when blank) and the vendor's company. */
export const Branding = z.object({ serviceName: z.string(), companyName: z.string() });
export type Branding = z.infer<typeof Branding>;

/** The body of `PUT /api/v1/admin/settings/profile`: every field. */
export const VendorProfileBody = withoutDefaults(VendorProfile);
export type VendorProfileBody = z.infer<typeof VendorProfileBody>;

/** The versions of the terms and privacy policy a new account accepts (no route changes them yet). */
export const LegalSettings = z.object({
  termsVersion: Line(1, 40).default('2026-01'),
  privacyVersion: Line(1, 40).default('2026-01'),
});
export type LegalSettings = z.infer<typeof LegalSettings>;
