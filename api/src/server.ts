import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { DataSource } from 'typeorm';
import type { Logger } from './common/logger.js';
import type { Config } from './config.js';
import { languageOf, type Viewer } from './common/request-context.js';
import { type Context } from './graphql/context.js';
import { ErrorCode } from './common/errors.js';
import { formatError } from './graphql/errors.js';
import { createContext } from './graphql/create-context.js';
import { compiledExecution } from './graphql/compiled-execution.js';
import { noIntrospectionRule, noNulCharactersRule, nulPaths, nulVariablesError } from './graphql/input-guards.js';
import { QUERY_LIMITS, queryLimitsRule } from './graphql/query-limits.js';
import { createSchema } from './graphql/schema.js';
import { bearerTokenOf, invalidBearerError, refuseForeignCookiePosts } from './http/api-auth.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, readCookies } from './http/cookies.js';
import { originAllowed } from './http/origin.js';
import { AdmissionGate } from './http/admission.js';
import { SocketCounter, clientAddress, createRateLimits, feedKey, graphqlKey, rateLimited } from './http/rate-limits.js';
import { currentAuditActor, runWithAuditActor } from './db/audit-actor.js';
import type { Pool } from 'pg';
import { attendanceRoutes } from './modules/attendance/attendance.routes.js';
import { privacyRoutes } from './modules/privacy/privacy.routes.js';
import { certificateRoutes } from './modules/certificates/certificates.routes.js';
import { materialRoutes } from './modules/catalog/materials.routes.js';
import { projectRoutes } from './modules/reporting/projects.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { calendarFeedRoutes } from './modules/notifications/calendar-feed.routes.js';
import { CALENDAR_PATH } from './modules/notifications/calendar-feed.service.js';
import type { Services } from './services.js';
import { StartupError } from './startup-error.js';

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  /** The line GraphQL requests wait in when the instance is busy. */
  admission: AdmissionGate;
  stop(): Promise<void>;
}

const MAX_WS_MESSAGE_BYTES = 64 * 1024;
/**
 * How long requests in flight get after SIGTERM. On a busy machine twenty requests queued behind
 * the one embedded backend took longer than the 10 s this used to be, and were cut with
 * ECONNRESET. Below the 30 s Kubernetes waits before SIGKILL (docker-compose.yml gives 60 s).
 */
const DRAIN_GRACE_MS = 25_000;

const QUIET_MS = 300;
const QUIET_CHECKS = 3;
const HEALTH_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Requests being answered, and when the last one arrived: what the drain waits on. */
class RequestTracker {
  active = 0;
  lastArrival = 0;
  readonly middleware: express.RequestHandler = (_req, res, next) => {
    this.active += 1;
    this.lastArrival = Date.now();
    res.once('close', () => (this.active -= 1));
    next();
  };
}

/**
 * Lets every request that reached us finish. The listener stays open while draining: closing it
 * resets connections still waiting in the kernel's accept queue, whose requests were already sent.
 * Everything is answered with `Connection: close` and /health says "draining" so a load balancer
 * stops routing here; once nothing is active and nothing has arrived for a moment, the listener
 * closes. After the grace period whatever is left is cut.
 */
function drainHttpServer(server: http.Server, requests: RequestTracker, graceMs = DRAIN_GRACE_MS): Promise<void> {
  const started = Date.now();
  let quietChecks = 0;
  return new Promise((resolve) => {
    const check = setInterval(() => {
      // Quiet in several checks running, not only by the clock: after the event loop was blocked
      // (the embedded database runs on it), requests already sent are still unread in the kernel;
      // each turn of the loop between two checks reads them.
      quietChecks = requests.active === 0 && Date.now() - requests.lastArrival >= QUIET_MS ? quietChecks + 1 : 0;
      if (quietChecks < QUIET_CHECKS && Date.now() - started < graceMs) return;
      clearInterval(check);
      server.close(() => resolve());
      server.closeAllConnections();
    }, 50);
  });
}

/**
 * No inline scripts (but the nonce'd one), no eval, nothing from other sites, no framing. Inline
 * styles stay allowed: the console's component library (MUI) writes its styles at run time. The
 * WebSocket of the same host is named too, for browsers that do not count ws: as 'self'.
 */
function contentSecurityPolicy(nonce: string, host: string | undefined): string {
  const sockets = host && /^[\w.:[\]-]+$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Variables with a NUL character are refused before Apollo sees them, as a VALIDATION error (see input-guards.ts). */
const refuseNulVariables: express.RequestHandler = (req, res, next) => {
  const paths = nulPaths((req.body as { variables?: unknown } | undefined)?.variables ?? {});
  if (paths.length === 0) return next();
  res.status(400).json({ errors: [nulVariablesError(paths)] });
};

/** Serves a built single-page app from `dir` under `base`, every unknown path answering with its index.html. */
function singlePageApp(dir: string, name: string): express.Router {
  const router = express.Router();
  const index = path.join(dir, 'index.html');
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!fs.existsSync(index)) {
      return res.status(503).type('text/plain').send(`The ${name} is not built yet: run "npm run build" (npm start does it for you).`);
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

/**
 * Takes the port before anything slow (the database, migrations, demo data), so a busy port stops the
 * start at once. Until startServer takes it over, every request is answered 503 "starting".
 */
export async function bindPort(config: Pick<Config, 'port' | 'host'>): Promise<http.Server> {
  const httpServer = http.createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', connection: 'close' });
    res.end(JSON.stringify({ status: 'starting' }));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${config.host}:${config.port}`;
    if (code === 'EADDRINUSE') {
      throw new StartupError(`Port ${config.port} is already in use (${where}). Stop the program using it or choose another port: PORT=4100 npm start`);
    }
    if (code === 'EACCES') throw new StartupError(`Port ${config.port} may not be used by this user (${where}). Choose a port above 1023: PORT=4000 npm start`);
    if (code === 'EADDRNOTAVAIL')
      throw new StartupError(`HOST=${config.host} is not an address of this machine. Use one of its addresses, or 0.0.0.0 for all of them`);
    throw error;
  }
  return httpServer;
}

export interface ServerOptions {
  /** The listening server from bindPort, whose requests the app answers from now on. */
  httpServer: http.Server;
  /** A real PostgreSQL's pool: rate limits are counted there, shared by every instance. Null: in memory (PGlite). */
  limitsPool: Pool | null;
  /** The embedded shape's data folder, where the development sign-in keeps its key; null elsewhere. */
  dataDir: string | null;
}

export async function startServer(config: Config, dataSource: DataSource, services: Services, log: Logger, options: ServerOptions): Promise<RunningServer> {
  const production = config.nodeEnv === 'production';
  const schema = await createSchema(services);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const { httpServer } = options;
  let draining = false;
  const requests = new RequestTracker();
  app.use(requests.middleware);

  const contextOf = (req: http.IncomingMessage, viewer: Viewer | null, lang = languageOf(req.headers)): Context => {
    // The audit triggers learn who acts in this request (R-NF-3); WebSockets only read, and have no actor.
    const actor = currentAuditActor();
    if (actor) {
      actor.personId = viewer?.kind === 'person' ? viewer.personId : null;
      actor.tokenId = viewer?.kind === 'token' ? viewer.tokenId : null;
    }
    return createContext(services, { viewer, lang });
  };
  /** Every change a request makes is audited with its address (and, once its session is read, its person or token). */
  const auditActor: express.RequestHandler = (req, _res, next) => runWithAuditActor({ personId: null, tokenId: null, ip: clientAddress(req) }, next);

  /** HTTP without a token: the session cookie decides. */
  const contextFor = async (req: http.IncomingMessage): Promise<Context> =>
    contextOf(req, await services.auth.viewerForToken(readCookies(req)[SESSION_COOKIE]));

  /**
   * WebSockets: the session cookie of the upgrade request. Browsers cannot add our language header
   * to an upgrade, so the portal's language cookie comes before Accept-Language.
   */
  const socketContextFor = async (req: http.IncomingMessage): Promise<Context> => {
    const cookies = readCookies(req);
    const lang = languageOf({ 'x-mps-language': cookies[LANGUAGE_COOKIE], 'accept-language': req.headers['accept-language'] });
    return contextOf(req, await services.auth.viewerForToken(cookies[SESSION_COOKIE]), lang);
  };

  /**
   * HTTP requests may also carry an API token. When a request has both a session cookie and a
   * Bearer token, the token decides. WebSockets use the session cookie only (contextFor).
   */
  const httpContextFor = async (req: http.IncomingMessage): Promise<Context> => {
    const bearer = bearerTokenOf(req);
    if (bearer === null) return contextFor(req);
    const viewer = await services.apiTokens.viewerForBearer(bearer);
    if (!viewer) throw invalidBearerError();
    return contextOf(req, viewer);
  };

  const limits = createRateLimits(config.limits, options.limitsPool);
  const sockets = new SocketCounter(config.limits.socketsPerClient);
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: MAX_WS_MESSAGE_BYTES,
    verifyClient: (
      { origin, req }: { origin?: string; req: http.IncomingMessage },
      done: (ok: boolean, code?: number, message?: string, headers?: http.OutgoingHttpHeaders) => void,
    ) => {
      if (!originAllowed(config, origin)) return done(false, 403, 'Forbidden origin');
      if (!sockets.admits(req)) return done(false, 429, 'Too many connections', { 'Retry-After': '30' });
      done(true);
    },
  });
  // The HTTP server reports its own errors (a busy port); the WebSocket server only echoes them.
  wsServer.on('error', () => {});
  wsServer.on('connection', (socket, req) => sockets.opened(req, socket));
  // The same rules as Apollo applies over HTTP: the limits, no NUL characters, and in production no introspection.
  const wsRules = [...specifiedRules, queryLimitsRule(), noNulCharactersRule, ...(production ? [noIntrospectionRule] : [])];
  /** Errors before execution (parse, validation), formatted as Apollo formats them over HTTP. */
  const formatRequestErrors = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => {
      const json = error.toJSON();
      // Apollo's hideSchemaDetailsFromClientErrors: no "Did you mean ...?" that would reveal the schema.
      const formatted = production ? { ...json, message: json.message.replace(/ ?Did you mean(.+?)\?$/, '') } : json;
      return formatError(formatted, error, { maskUnexpected: production, log: (e) => log.error('Unexpected error in a GraphQL subscription', e) });
    });
  const wsCleanup = useServer<Record<string, unknown>, { context?: Context }>(
    {
      schema,
      context: async (ctx) => {
        // Authenticated once, from the session cookie of the upgrade request.
        ctx.extra.context ??= await socketContextFor(ctx.extra.request);
        return ctx.extra.context;
      },
      // graphql-ws does not apply HTTP validation rules by itself: the same limits apply here.
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already reserved this operation's id among them.
        if (Object.keys(ctx.subscriptions).length > config.limits.subscriptionsPerSocket) {
          return [new GraphQLError('Too many subscriptions on this connection', { extensions: { code: ErrorCode.RATE_LIMITED } })];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Invalid query', { extensions: { code: ErrorCode.BAD_REQUEST } })];
        }
        const errors = validate(schema, document, wsRules);
        if (errors.length > 0) return errors;
        const nul = nulPaths(payload.variables ?? {});
        if (nul.length > 0) {
          const { message, extensions } = nulVariablesError(nul);
          return [new GraphQLError(message, { extensions })];
        }
        ctx.extra.context ??= await socketContextFor(ctx.extra.request);
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: ctx.extra.context,
        } satisfies ExecutionArgs;
      },
      onError: (_ctx, _id, _payload, errors) => formatRequestErrors(errors),
      // Errors of an event or of starting the stream get their codes (and masking) as over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return;
        return {
          ...result,
          errors: result.errors.map((error) =>
            formatError(error.toJSON(), error, { maskUnexpected: production, log: (e) => log.error('Unexpected error in a GraphQL subscription', e) }),
          ),
        };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    // The schema, run by compiled queries (graphql-jit) through Apollo's executor interface (issue 16).
    gateway: compiledExecution(schema),
    csrfPrevention: true,
    // main.ts owns the signals: Apollo's own handler would stop and then re-raise SIGTERM mid-shutdown.
    stopOnTerminationSignals: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    validationRules: [queryLimitsRule(), noNulCharactersRule],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    formatError: (formatted, error) =>
      formatError(formatted, error, { maskUnexpected: production, log: (e) => log.error('Unexpected error in a GraphQL request', e) }),
    plugins: [
      // Nothing here sets cache hints, and the plugin's willResolveField made Apollo wrap every field resolver (issue 16).
      ApolloServerPluginCacheControlDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              draining = true;
              await Promise.all([drainHttpServer(httpServer, requests), wsCleanup.dispose()]);
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const hsts = production && config.publicUrl.startsWith('https:');
  app.use((req, res, next) => {
    if (draining) res.setHeader('Connection', 'close');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    // A fresh nonce per response, for the one inline script the sign-in pages need (the auto-post form).
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce, req.headers.host));
    if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Source maps only outside production: they would hand out the source.
    if (production && req.path.endsWith('.map')) return res.status(404).type('text/plain').send('Not found');
    next();
  });

  /**
   * 503 while draining or while the database does not answer (a load balancer then routes elsewhere);
   * "degraded" while a part with a connection of its own (jobs, live updates, e-mail) reconnects.
   */
  const { concurrentRequests: concurrent, queueWaitMs: maxWaitMs, queueLength: maxQueue } = config.limits;
  const admission = new AdmissionGate({ concurrent, maxWaitMs, maxQueue });

  app.get('/health', async (_req, res) => {
    if (draining) return res.status(503).json({ status: 'draining' });
    const parts = Object.fromEntries(Object.entries(services.health.report()).map(([name, link]) => [name, link.state]));
    let database: 'ok' | 'unreachable' = 'ok';
    try {
      await withTimeout(dataSource.query('SELECT 1'), HEALTH_TIMEOUT_MS);
    } catch {
      database = 'unreachable';
    }
    const status = database !== 'ok' ? 'unavailable' : Object.values(parts).every((state) => state === 'ok') ? 'ok' : 'degraded';
    res.status(database === 'ok' ? 200 : 503).json({ status, database, ...parts, requests: admission.stats() });
  });

  const graphqlLimit = rateLimited(limits.graphql, graphqlKey, 'graphql');
  const signInLimit = rateLimited(limits.signIn, (req) => `address:${clientAddress(req)}`, 'text');
  // Posts are what sign-in costs (token checks, sessions); pages and redirects are not counted.
  app.use(
    '/auth',
    (req, res, next) => (req.method === 'POST' ? signInLimit(req, res, next) : next()),
    authRoutes(config, services.auth, services.people, { log, devKeyDir: options.dataDir }),
  );
  app.use(CALENDAR_PATH, rateLimited(limits.calendar, feedKey, 'text'), calendarFeedRoutes(services.calendarFeeds, log));
  app.use(
    '/api',
    attendanceRoutes(services.attendance, (token) => services.auth.viewerForToken(token), log),
    privacyRoutes(services.personalData, (token) => services.auth.viewerForToken(token), log),
    certificateRoutes(services.certificates, (token) => services.auth.viewerForToken(token), log),
    materialRoutes(services.materials, (token) => services.auth.viewerForToken(token), config, log),
    projectRoutes(services.projects, (token) => services.auth.viewerForToken(token), log),
  );
  app.use(
    '/graphql',
    (req, res, next) => (req.method === 'POST' ? graphqlLimit(req, res, next) : next()),
    refuseForeignCookiePosts(config),
    // A roster import carries its CSV (at most 1 MB) in the body; JSON escaping can at worst double it.
    express.json({ limit: '2mb' }),
    refuseNulVariables,
    // After the checks that cost nothing: only requests that will run wait in line.
    admission.middleware,
    // Last before Apollo: the body parser's stream events would not carry the actor through.
    auditActor,
    expressMiddleware(apollo, { context: async ({ req }) => httpContextFor(req) }),
  );
  app.use('/admin', singlePageApp(config.staticDirs.admin, 'console'));
  app.use('/', singlePageApp(config.staticDirs.web, 'portal'));

  httpServer.removeAllListeners('request');
  httpServer.on('request', app);
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  return {
    url,
    httpServer,
    admission,
    // Apollo calls drainServer first: no new connections, requests in flight finish.
    stop: () => apollo.stop(),
  };
}
