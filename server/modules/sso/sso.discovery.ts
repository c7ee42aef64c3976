import * as client from 'openid-client';
import type { ServiceContext } from '../../platform/context';
import type { IdentityProviderRow } from './sso.repository';

/** How long a provider's discovered metadata is reused before it is fetched again. */
const DISCOVERY_TTL_MS = 5 * 60_000;
/** Seconds an HTTP request to an identity provider may take. */
const REQUEST_TIMEOUT_SECONDS = 10;

interface CachedConfiguration {
  fingerprint: string;
  config: client.Configuration;
  at: number;
}

// Per process and per provider id; the fingerprint drops an entry once issuer, client or secret change
// (the secret's ciphertext has a fresh IV on every save, so any new secret changes it too).
const configurations = new Map<string, CachedConfiguration>();

const fingerprintOf = (row: IdentityProviderRow) => [row.issuer, row.clientId, row.clientSecretCiphertext ?? ''].join('\n');

/** True for an issuer on this machine over plain HTTP, which only the schema's loopback rule lets through. */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

/**
 * Authenticates at the token endpoint with the client secret the way the provider says it accepts:
 * client_secret_basic (the OpenID default when the provider does not say), else client_secret_post.
 */
function clientSecretAuth(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret);
  const post = client.ClientSecretPost(secret);
  return (as, metadata, body, headers) => {
    const supported = as.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    return (supported.includes('client_secret_basic') ? basic : post)(as, metadata, body, headers);
  };
}

/** Runs OpenID Connect discovery against an issuer; throws when it is unreachable or not a provider. */
export async function discoverProvider(issuer: string, clientId: string, clientSecret: string | null): Promise<client.Configuration> {
  const url = new URL(issuer);
  return client.discovery(url, clientId, undefined, clientSecret ? clientSecretAuth(clientSecret) : client.None(), {
    timeout: REQUEST_TIMEOUT_SECONDS,
    ...(isLoopbackHttp(url) ? { execute: [client.allowInsecureRequests] } : {}),
  });
}

/** The provider's client configuration, discovered at most every few minutes. */
export async function getProviderConfiguration(ctx: ServiceContext, row: IdentityProviderRow): Promise<client.Configuration> {
  const fingerprint = fingerprintOf(row);
  const cached = configurations.get(row.id);
  if (cached && cached.fingerprint === fingerprint && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const secret = row.clientSecretCiphertext ? ctx.box.open(row.clientSecretCiphertext) : null;
  const config = await discoverProvider(row.issuer, row.clientId, secret);
  configurations.set(row.id, { fingerprint, config, at: Date.now() });
  return config;
}

/** Drops a provider's cached configuration after it changed or was deleted. */
export function forgetProviderConfiguration(providerId: string): void {
  configurations.delete(providerId);
}
