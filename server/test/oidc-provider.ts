import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations; ProviderInstance below types what is used.
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (the npm package oidc-provider) on 127.0.0.1 and a free port, for
 * tests of single sign-on. One confidential client; accounts with email and email_verified claims.
 * Signing in is one HTML form at /interaction/:uid with an "Account" field (the account id) and a
 * "Sign in" button, so a test can post it with fetch and a browser test can fill it in; consent is
 * granted automatically.
 */
export interface TestAccount {
  id: string;
  email: string;
  emailVerified: boolean;
  name?: string;
}

export interface TestOidcProvider {
  /** http://127.0.0.1:<port> */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lets the client use this redirect URI (known only once the relying party stored the provider). */
  allowRedirectUri(uri: string): void;
  addAccount(account: TestAccount): void;
  close(): Promise<void>;
}

export const DEFAULT_TEST_ACCOUNTS: TestAccount[] = [
  { id: 'alice', email: 'alice@a-petrochem.example', emailVerified: true, name: 'Alice Kim' },
  { id: 'bob', email: 'bob@a-petrochem.example', emailVerified: false, name: 'Bob Lee' },
  { id: 'carol', email: 'carol@elsewhere.example', emailVerified: true, name: 'Carol Park' },
];

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Grant {
  accountId: string;
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface ProviderInstance {
  callback(): Handler;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; prompt: { name: string } }>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Client: { prototype: { redirectUriAllowed(value: string): boolean } };
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
}
interface OidcContext {
  oidc: { account: { accountId: string }; client: { clientId: string }; result?: { consent?: { grantId?: string } }; session: { grantIdFor(clientId: string): string | undefined } };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
  <label for="login">Account</label>
  <input id="login" name="login" autocomplete="username" autofocus>
  <button type="submit">Sign in</button>
</form>
</body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the provider; close() stops it. */
export async function startOidcProvider(
  options: {
    accounts?: TestAccount[];
    redirectUris?: string[];
    clientId?: string;
    clientSecret?: string;
    /** Put email and name in the ID token too (by default, as the spec says, only UserInfo has them). */
    claimsInIdToken?: boolean;
  } = {},
): Promise<TestOidcProvider> {
  const accounts = new Map((options.accounts ?? DEFAULT_TEST_ACCOUNTS).map((a) => [a.id, a]));
  const redirectUris = new Set(options.redirectUris ?? []);
  const clientId = options.clientId ?? 'atrium-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');

  let handle: Handler = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new (Provider as new (issuer: string, configuration: object) => ProviderInstance)(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        // A placeholder: allowRedirectUri() adds the real ones once they are known.
        redirect_uris: [...redirectUris, `${issuer}/unused-callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !options.claimsInIdToken,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified, name: account.name ?? account.email }),
      };
    },
    // A first-party client: consent is implied, so the only interaction is signing in.
    loadExistingGrant: async (ctx: OidcContext) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return provider.Grant.find(grantId);
      const grant = new provider.Grant({ accountId: ctx.oidc.account.accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  const redirectUriAllowed = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function (this: unknown, value: string) {
    return redirectUris.has(value) || redirectUriAllowed.call(this, value);
  };

  const oidc = provider.callback();
  handle = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    const match = /^\/interaction\/([^/]+)$/.exec(path);
    if (!match) return oidc(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'POST') {
          const login = (await readForm(req)).get('login')?.trim() ?? '';
          if (accounts.has(login)) {
            await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
            return;
          }
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, `Unknown account: ${login}`));
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
      }
    })();
  };

  return {
    issuer,
    clientId,
    clientSecret,
    allowRedirectUri: (uri) => void redirectUris.add(uri),
    addAccount: (account) => void accounts.set(account.id, account),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A browser's cookies, per host name (like a browser, not per port), for driving redirects with fetch. */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  /** The Cookie header for a URL. */
  header(url: URL): string {
    return [...(this.byHost.get(url.hostname) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Keeps the cookies a response set (and drops the ones it expired). */
  store(url: URL, response: Response): void {
    let cookies = this.byHost.get(url.hostname);
    if (!cookies) this.byHost.set(url.hostname, (cookies = new Map()));
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(index + 1).trim());
    }
  }

  /** One request without following redirects, with and into this jar. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.header(target);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.store(target, response);
    return response;
  }
}

/**
 * Opens `startUrl` (an app's single sign-on start, or the provider's authorization URL), follows the
 * redirects through the provider, signs in there as `login`, and follows on until a redirect leaves
 * for a page that is neither the provider's nor an API route. Answers that page's path (e.g. `/` or
 * `/sign-in?sso_error=…`) and every URL requested on the way.
 */
export async function signInThroughProvider(
  jar: CookieJar,
  startUrl: string,
  login: string,
  provider: Pick<TestOidcProvider, 'issuer'>,
): Promise<{ location: string; trail: URL[] }> {
  const issuerOrigin = new URL(provider.issuer).origin;
  const trail: URL[] = [];
  let url = new URL(startUrl);
  let init: RequestInit = {};
  let posted = false;
  for (let hop = 0; hop < 20; hop += 1) {
    trail.push(url);
    const response = await jar.fetch(url, init);
    init = {};
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin !== issuerOrigin && !next.pathname.startsWith('/api/')) return { location: `${next.pathname}${next.search}${next.hash}`, trail };
      url = next;
      continue;
    }
    const body = await response.text();
    if (response.status === 200 && url.origin === issuerOrigin && url.pathname.startsWith('/interaction/') && body.includes('name="login"') && !posted) {
      posted = true;
      init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login }).toString() };
      continue;
    }
    throw new Error(`unexpected ${response.status} at ${url.href}: ${body.slice(0, 300)}`);
  }
  throw new Error('too many redirects');
}
