import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerMeRoutes } from './modules/me/me.routes';
import { registerTokenRoutes } from './modules/tokens/tokens.routes';
import { registerMfaRoutes } from './modules/mfa/mfa.routes';
import { registerSettingsRoutes } from './modules/settings/settings.routes';
import { registerOrganizationSecurityRoutes } from './modules/organizations/organization-security.routes';
import { registerOrganizationAccess } from './modules/organizations/organization-access';
import { registerOrganizationRoutes } from './modules/organizations/organizations.routes';
import { registerSiteRoutes } from './modules/organizations/sites.routes';
import { registerTeamRoutes } from './modules/team/team.routes';
import { registerInvitationRoutes } from './modules/team/invitations.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerSsoRoutes } from './modules/sso/sso.routes';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes';
import { registerProductRoutes } from './modules/products/products.routes';
import { registerDownloadRoutes } from './modules/downloads/downloads.routes';
import { registerEntitlementRoutes } from './modules/entitlements/entitlements.routes';
import { registerCaseRoutes } from './modules/cases/cases.routes';
import { registerCaseConsoleRoutes } from './modules/cases/case-console.routes';
import { registerCaseFeedRoutes } from './modules/cases/case-feed.routes';
import { registerCaseEmailPreferenceRoutes } from './modules/cases/case-email-preferences.routes';
import { registerCaseListRoutes } from './modules/cases/case-list.routes';
import { registerHomeRoutes } from './modules/home/home.routes';
import { registerKnowledgeRoutes } from './modules/knowledge/knowledge.routes';
import { registerSearchRoutes } from './modules/search/search.routes';
import type { Config } from './platform/config';
import type { ServiceContext } from './platform/context';
import { registerAuth } from './platform/http/auth-plugin';
import { clientErrorHandler, registerErrorHandling, sendError } from './platform/http/error-handler';

export const WEB_DIST_DIR = fileURLToPath(new URL('../web/dist', import.meta.url));
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface AppDeps {
  ctx: ServiceContext;
  config: Pick<Config, 'bodyLimitBytes' | 'signInRateLimit' | 'trustProxy'>;
  logger?: FastifyBaseLogger | false;
  webDistDir?: string;
  /** Tests only: a request with `x-atrium-authorize-only` stops after authorization (the matrix test). */
  dryRunAuthorization?: boolean;
}

/** The most bytes of request line and headers a request may carry. */
export const MAX_HEADER_BYTES = 128 * 1024;

/** Builds the whole HTTP application without listening; tests call it with app.inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { ctx } = deps;
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy ? deps.config.trustProxy.split(',').map((s) => s.trim()) : false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    // Signed download links carry their claims in the path (/api/v1/downloads/<token>, ~280 characters).
    routerOptions: { maxParamLength: 2048 },
    forceCloseConnections: 'idle',
    // A link to a search of 10,000 Korean letters is 90 KB of address (nine bytes a letter,
    // percent-encoded): it is answered, as the search box promises, instead of refused at Node's
    // 16 KB. Beyond this the client error handler answers 431.
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    clientErrorHandler,
  });
  // Live event streams never go idle; end them before the server waits for its connections.
  app.addHook('preClose', async () => {
    await ctx.events.close();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  // Built once: @fastify/helmet rebuilt the middleware, parsing its policy, on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets styles at run time; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Atrium API', version: '1', description: 'Customer portal and vendor console API. Authenticate with the session cookie (plus x-csrf-token) or `Authorization: Bearer <token>`.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'atrium_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, ctx);
  registerOrganizationAccess(app, ctx, { dryRun: deps.dryRunAuthorization ?? false });
  registerHealthRoutes(app, ctx.database);
  registerAuthRoutes(app, ctx, { signInRateLimit: deps.config.signInRateLimit });
  registerMeRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerMfaRoutes(app, ctx);
  registerSettingsRoutes(app, ctx);
  registerOrganizationSecurityRoutes(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerSiteRoutes(app, ctx);
  registerTeamRoutes(app, ctx);
  registerInvitationRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerSsoRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerProductRoutes(app, ctx);
  registerDownloadRoutes(app, ctx);
  registerEntitlementRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCaseConsoleRoutes(app, ctx);
  registerCaseFeedRoutes(app, ctx);
  registerCaseEmailPreferenceRoutes(app, ctx);
  registerCaseListRoutes(app, ctx);
  registerHomeRoutes(app, ctx);
  registerKnowledgeRoutes(app, ctx);
  registerSearchRoutes(app, ctx);

  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const webDir = deps.webDistDir ?? WEB_DIST_DIR;
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      setHeaders: (res, filePath) => {
        res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || !hasWeb || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendError(request, reply, 404, 'not_found');
    }
    // Any other path is a page of the web app; its router shows its own 404.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
