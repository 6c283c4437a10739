import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { randomId } from '../src/core/ids';
import { createChaos, type FaultRule } from './chaos';
import type { Answerer } from './chat/answerer';
import { NDJSON } from './chat/event-lines';
import { createFaqAnswerer } from './chat/faq-answerer';
import { createLlmAnswerer } from './chat/llm-answerer';
import type { LlmConfig } from './chat/llm-config';
import { type BusinessClock, createBusinessClock } from './clock';
import { manageLinks, retryPendingRefunds } from './domain/manage';
import { requireKey } from './http/auth';
import { cors } from './http/cors';
import type { AppEnv } from './http/env';
import { idempotent } from './http/idempotency';
import { networkOf } from './http/keyed-hash';
import { knownRoutes } from './http/known-routes';
import { leadLimit } from './http/lead-limit';
import { noRouteProblem, Problem, problemResponse } from './http/problem';
import { createRateLimiter, forwardedFor, LIMITS, type PolicyName, type RateLimiter, rateLimit } from './http/rate-limit';
import { API_HEADERS, isApiPath, withHeaders } from './http/security';
import type { Limit } from './http/token-buckets';
import { createStripeApi, type StripeConfig } from './payments/stripe-api';
import { createStripeGateway } from './payments/stripe-gateway';
import { chatAdminRoutes, chatRoutes } from './routes/chat';
import { mailAdminRoutes } from './routes/mail';
import { manageRoutes } from './routes/manage';
import { currentPaymentOf, type Gateways, paymentRoutes } from './routes/payments';
import { publicRoutes, UNAVAILABLE_RETRY_AFTER_S } from './routes/public';
import { adminRoutes, currentBookingOf, tenantRoutes } from './routes/tenant';
import { webhookRoutes } from './routes/webhooks';
import { sweeper } from './store/sweeper';
import type { Store } from './store/types';
import { isStoreUnavailable } from './store/unavailable';
import { createTenantRegistry, demoTenant, type Tenant } from './tenants';

export interface AppOptions {
  store: Store;
  tenants?: Tenant[];
  /** Serve `/__chaos` and honour armed faults. Never on in production. */
  chaos?: boolean;
  /** Faults armed from the start (with `chaos`), e.g. for a story of the error state. */
  faults?: FaultRule[];
  /** The clock, for tests of holds and lead times. */
  now?: () => number;
  /** The business clock on `now` that chaos moves, when the caller runs work on it too (the reminder scheduler); a new one otherwise. */
  clock?: BusinessClock;
  /** Payment providers with a side of their own (Stripe); the test provider needs none. */
  gateways?: Gateways;
  /** Stripe's credentials (from the environment, never seed data): the Stripe gateway and its webhook. */
  stripe?: StripeConfig;
  /** A language model for the chat (from the environment), falling back to the FAQ. */
  llm?: LlmConfig;
  /** Where the chat's answers come from, overriding `llm`: the tenant's FAQ unless told otherwise. */
  answerer?: Answerer;
  /** The visitor's network address as the transport knows it (Node: the socket's peer); 'unknown' without one. */
  addressOf?: (c: Context<AppEnv>) => string | undefined;
  /**
   * Take the visitor's address from the last hop of X-Forwarded-For. Only
   * behind a proxy that sets it: otherwise anyone can claim any address and
   * escape the per-address limits.
   */
  trustProxy?: boolean;
  /**
   * Rate limits (see server/http/rate-limit.ts): by default the store's, shared by every instance on it (PostgreSQL),
   * else this process's, on its own monotonic clock; `false` turns them off (raw-throughput benchmarks only).
   */
  rateLimits?: RateLimiter | false;
  /** Limits other than LIMITS' for the default `rateLimits` (TEPPAN_LEAD_LIMITS: see `leadLimitsFromEnv`). */
  limits?: Partial<Record<PolicyName, Limit>>;
  /** Requests come from this same process (MSW in a browser): loopback-only routes (`/__chaos`) are open to them. */
  inProcess?: boolean;
  /**
   * The demo site's origin, where manage links in mail lead when a tenant has no `manageUrl` of its own
   * (see main.ts: TEPPAN_SITE_URL, else the server's own address). Never a request's Host, which its caller sets.
   */
  siteOrigin?: () => string;
}

/** Where manage links lead when nobody said: the demo site as `npm start` serves it. */
export const DEFAULT_SITE_ORIGIN = 'http://localhost:8787';

const API = '/api/v1';

/** An outage fails every request: one line for it every few seconds, not one per request. */
let lastOutageReport = Number.NEGATIVE_INFINITY;
function reportOutage(error: unknown) {
  if (performance.now() - lastOutageReport < 5_000) return;
  lastOutageReport = performance.now();
  console.error(`[teppan] the database is unavailable; answering 503 with Retry-After: ${String(error)}`);
}
/** Called by Stripe's servers, not by browsers: no key (the signature is the proof) and no CORS. */
const SERVER_TO_SERVER = new Set([`${API}/webhooks/stripe`]);
const PUBLIC_PATHS = new Set([`${API}/health`, `${API}/openapi.json`]);
const isPublic = (path: string) => PUBLIC_PATHS.has(path);
const needsNoKey = (path: string) => isPublic(path) || SERVER_TO_SERVER.has(path);

/** The reference API. The same app runs under Node (SQLite) and, through MSW, in the browser (memory). */
export function createApp({
  store,
  tenants = [demoTenant],
  chaos = false,
  faults: initialFaults,
  now: realNow = Date.now,
  clock = createBusinessClock(realNow),
  gateways = {},
  stripe,
  llm,
  answerer = llm ? createLlmAnswerer(llm, createFaqAnswerer()) : createFaqAnswerer(),
  addressOf = () => undefined,
  trustProxy = false,
  limits,
  rateLimits = store.rateLimiter?.({ ...LIMITS, ...limits }) ?? createRateLimiter({ limits: { ...LIMITS, ...limits } }),
  inProcess = false,
  siteOrigin = () => DEFAULT_SITE_ORIGIN,
}: AppOptions): Hono<AppEnv> {
  const registry = createTenantRegistry(tenants);
  const app = new Hono<AppEnv>();
  // Chaos can move the server's clock forward, so tests reach a hold's expiry without waiting; nothing else moves it.
  const faults = chaos ? createChaos(initialFaults, clock) : undefined;
  const now = clock.now;
  const links = manageLinks(store, siteOrigin);
  const stripeGateway = stripe && createStripeGateway({ api: createStripeApi(stripe), store, tenantById: registry.byId, now, links });
  const allGateways: Gateways = stripeGateway ? { ...gateways, stripe: stripeGateway } : gateways;

  app.use('*', async (c, next) => {
    c.set('requestId', randomId());
    c.set('clientAddress', (trustProxy ? forwardedFor(c.req.header('x-forwarded-for')) : undefined) ?? addressOf(c) ?? 'unknown');
    await next();
    c.res.headers.set('X-Request-Id', c.get('requestId'));
  });
  app.use(
    '*',
    withHeaders(() => API_HEADERS, isApiPath),
  );
  // Fault injection, only with `chaos` and only for callers on this machine: to anyone else it is absent.
  app.use('/__chaos/*', async (c, next) => {
    if (!faults || !(inProcess || networkOf(c.get('clientAddress')) === 'loopback')) throw noRouteProblem(c.req.method, c.req.path);
    await next();
  });
  const corsFor = cors(registry, isPublic);
  app.use('*', (c, next) => (SERVER_TO_SERVER.has(c.req.path) ? next() : corsFor(c, next)));
  // After CORS, so a refusal is readable by the page and preflights cost nothing; before anything reads a body.
  // `/__chaos` (tests only) is not limited: test suites drive it hard from one address.
  if (rateLimits) app.use(`${API}/*`, rateLimit(rateLimits, { tenants: registry, needsKey: (path) => !needsNoKey(path) }));
  if (faults) app.use('*', faults.gate);
  // After CORS (its preflights), before keys or bodies: a path or method no route takes is a 404 or 405 problem.
  const routesOnly = knownRoutes(app);
  app.use('*', (c, next) => (isApiPath(c.req.path) ? routesOnly(c, next) : next()));
  // With the sweep, once a minute: cancellation refunds a crash or a provider outage left pending.
  app.use(
    `${API}/*`,
    sweeper(store, now, (t) => retryPendingRefunds(store, allGateways, t)),
  );
  app.use(
    `${API}/*`,
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        // The rest of the body is never read, so the connection cannot carry another request: say so.
        const headers = { Connection: 'close' };
        throw new Problem({ status: 413, code: 'payload-too-large', title: 'Request too large', detail: 'Request bodies are limited to 64 kB.', headers });
      },
    }),
  );
  app.use(`${API}/admin/*`, requireKey(registry, 'secret'));
  // Contact details and conversations: never kept by a browser or a proxy.
  app.use(`${API}/admin/*`, async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use(`${API}/*`, async (c, next) => {
    if (needsNoKey(c.req.path) || c.req.path.startsWith(`${API}/admin/`)) return next();
    return requireKey(registry, 'publishable')(c, next);
  });
  app.use(`${API}/bookings`, idempotent(store, { required: true, clock: realNow, current: currentBookingOf(store, now) }));
  for (const path of ['/bookings/:id/payments', '/payments/:id/confirm', '/payments/:id/authenticate']) {
    app.use(`${API}${path}`, idempotent(store, { required: true, clock: realNow, current: currentPaymentOf(store, now, allGateways, links) }));
  }
  app.use(`${API}/quotes`, idempotent(store, { required: false, clock: realNow }));
  app.use(`${API}/leads`, idempotent(store, { required: true, clock: realNow }));
  // After the key is claimed: a replay is answered above and costs no lead allowance.
  if (rateLimits) app.use(`${API}/leads`, leadLimit(rateLimits));
  // The reply streams out as it is written; the key is settled by the reply itself once it is whole.
  app.use(`${API}/chat/messages`, idempotent(store, { required: true, clock: realNow, replayType: NDJSON }));
  // The manage link's changes: a replay answers what the first did (the same refund, never a second).
  for (const path of ['/manage/:token/reschedule', '/manage/:token/cancel']) app.use(`${API}${path}`, idempotent(store, { required: true, clock: realNow }));
  if (faults) app.use('*', faults.delay);

  app.route(API, publicRoutes(store));
  app.route(API, tenantRoutes(store, now));
  app.route(API, paymentRoutes(store, now, allGateways, links));
  app.route(API, chatRoutes(store, now, realNow, answerer));
  app.route(API, manageRoutes(store, now, allGateways, links));
  app.route(
    API,
    webhookRoutes({
      store,
      stripe: stripeGateway && stripe?.webhookSecret ? { gateway: stripeGateway, webhookSecret: stripe.webhookSecret } : undefined,
      wallClock: realNow,
    }),
  );
  app.route(`${API}/admin`, adminRoutes(store, now));
  app.route(`${API}/admin`, chatAdminRoutes(store));
  app.route(`${API}/admin`, mailAdminRoutes(store));
  if (faults) app.route('/__chaos', faults.routes);

  app.notFound((c) => problemResponse({ status: 404, code: 'not-found', title: 'Not found', detail: `There is no route ${c.req.method} ${c.req.path}.` }));
  app.onError((error, c) => {
    if (error instanceof Problem) return problemResponse(error.init, c.req.path);
    if (isStoreUnavailable(error)) {
      reportOutage(error);
      return problemResponse(
        {
          status: 503,
          code: 'database-unavailable',
          title: 'Service unavailable',
          detail: `The booking database cannot be reached right now. Try again in a few seconds: a retry with the same Idempotency-Key is safe. Request id ${c.get('requestId')}.`,
          headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) },
        },
        c.req.path,
      );
    }
    console.error(`[teppan] ${c.req.method} ${c.req.path} failed (request ${c.get('requestId')}):`, error);
    return problemResponse({ status: 500, code: 'internal', title: 'Internal error', detail: `Something went wrong. Request id ${c.get('requestId')}.` });
  });
  return app;
}
