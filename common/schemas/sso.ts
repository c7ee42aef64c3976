import { z } from 'zod';
import { hasControlCharacter, Line } from './text';

// Kept here for the code that imports it from the SSO schemas.
export { hasControlCharacter };

/** Loopback hosts whose plain-HTTP issuers are accepted (a provider started on this machine, in tests). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when the issuer is an https URL, or http on a loopback host; no credentials, query or fragment. */
export function isAcceptableIssuer(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** A DNS domain name such as `a-petrochem.example` (letters, digits and hyphens; punycode for others). */
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const Name = Line(1, 100);
const Issuer = z
  .string()
  .trim()
  .max(500)
  .refine(isAcceptableIssuer, 'sso.invalid_issuer')
  .describe('OpenID Connect issuer: an https URL (http only for 127.0.0.1 or localhost)');
const ClientId = Line(1, 255);
const ClientSecret = z.string().min(1).max(2000);
const AllowedDomains = z
  .array(z.string().trim().toLowerCase().regex(DOMAIN_PATTERN, 'validation.domain'))
  .max(100)
  .transform((domains) => [...new Set(domains)])
  .describe('Email domains allowed to sign in through this provider; empty allows any verified email');

/** An identity provider as the console shows it; the client secret is never returned. */
export const IdentityProvider = z.object({
  id: z.string().uuid(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  allowedDomains: z.array(z.string()),
  enabled: z.boolean(),
  redirectUri: z.string().describe('Register this redirect URI with the identity provider'),
  createdAt: z.string().datetime(),
});
export type IdentityProvider = z.infer<typeof IdentityProvider>;

export const CreateIdentityProviderBody = z.object({
  name: Name,
  issuer: Issuer,
  clientId: ClientId,
  clientSecret: ClientSecret.optional().describe('Omit for a public client (PKCE only)'),
  allowedDomains: AllowedDomains.default([]),
  enabled: z.boolean().default(true),
});
export type CreateIdentityProviderBody = z.infer<typeof CreateIdentityProviderBody>;

export const UpdateIdentityProviderBody = z.object({
  name: Name.optional(),
  issuer: Issuer.optional(),
  clientId: ClientId.optional(),
  clientSecret: ClientSecret.nullable().optional().describe('Omit to keep the stored secret; null removes it'),
  allowedDomains: AllowedDomains.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateIdentityProviderBody = z.infer<typeof UpdateIdentityProviderBody>;
