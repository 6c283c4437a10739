import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { type AppOptions, createApp } from './app';
import { CUT_AFTER_BYTES_HEADER, cutResponse, KILL_CONNECTION_HEADER } from './chaos';
import type { LlmConfig } from './chat/llm-config';
import type { BusinessClock } from './clock';
import { compressJson } from './http/compress-json';
import { noRouteProblem, problemResponse } from './http/problem';
import type { RateLimiter } from './http/rate-limit';
import { headersFor, isApiPath, withHeaders } from './http/security';
import { staticFiles } from './http/static-files';
import { mailboxRoutes } from './mail/mailbox';
import type { StripeConfig } from './payments/stripe-api';
import type { Store } from './store/types';
import { demoTenant, type Tenant } from './tenants';

export interface NodeServerOptions {
  store: Store;
  chaos: boolean;
  /** The demo tenant when omitted. */
  tenants?: Tenant[];
  stripe?: StripeConfig;
  /** The chat's language model, if any. */
  llm?: LlmConfig;
  /** Folder of the built demo site, served at `/`. */
  demoRoot?: string;
  /** Folder of the built embed bundle, served at `/embed/`. */
  embedRoot?: string;
  /** Folder of the bundle reports (treemaps, sizes table, their index page), served at `/reports/`. */
  reportsRoot?: string;
  /** Folder of the built Storybook, served at `/storybook/`. */
  storybookRoot?: string;
  /** Other builds of the embed the first-load benchmark compares, by URL prefix (`/embed-eager`: the single-bundle build). */
  variantRoots?: Record<string, string>;
  /** The visitor's address from X-Forwarded-For's last hop (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** The limiter (tests give one a clock of their own); `false`: no rate limits (raw-throughput benchmarks only). */
  rateLimits?: RateLimiter | false;
  /** Limits other than the defaults for the default limiter (see AppOptions). */
  limits?: AppOptions['limits'];
  /** Serve the development mailbox at `/mail/` (mail is kept, not sent: no SMTP server configured). */
  mailbox?: boolean;
  /** Where manage links in mail lead (see `AppOptions.siteOrigin`). */
  siteOrigin?: () => string;
  /** The business clock, shared with the work the server runs on its own (see `AppOptions.clock`). */
  clock?: BusinessClock;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files whose names carry their content's hash (`runtime-BX3a_f9Q.js`): they never change. */
const HASHED = /-[\w-]{8,}\.(js|css|woff2?)$/;

/** A tool's folder asked for before its build wrote it: a page that says so and asks to be reloaded. */
function notBuiltYet(path: string) {
  const name = path.startsWith('/storybook') ? 'Storybook' : 'The bundle reports';
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Building…</title><p>${name} is being built (about a minute after <code>npm start</code>, or run <code>npm run build</code>). Reload this page in a moment.</p></html>`;
  return new Response(page, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '30', 'cache-control': 'no-store' } });
}

const noRouteProblemResponse = (method: string, path: string, allow?: string[]) => problemResponse(noRouteProblem(method, path, allow).init, path);

/** The reference API plus the demo site and embed files, as one Node request handler. */
export function createNodeApp({
  store,
  chaos,
  tenants,
  stripe,
  llm,
  demoRoot,
  embedRoot,
  reportsRoot,
  storybookRoot,
  variantRoots,
  trustProxy,
  rateLimits,
  limits,
  mailbox,
  siteOrigin,
  clock,
}: NodeServerOptions) {
  const root = new Hono<{ Bindings: HttpBindings }>();
  root.route(
    '/',
    createApp({
      store,
      chaos,
      ...(tenants ? { tenants } : {}),
      stripe,
      llm,
      addressOf: (c) => (c.env as HttpBindings | undefined)?.incoming?.socket.remoteAddress,
      trustProxy,
      ...(rateLimits !== undefined ? { rateLimits } : {}),
      ...(siteOrigin ? { siteOrigin } : {}),
      ...(limits ? { limits } : {}),
      ...(clock ? { clock } : {}),
    }),
  );
  // The API sets its own headers; pages, files and 404s outside it get theirs by what they are.
  root.use(
    '*',
    withHeaders(
      (res, path) => headersFor(res.headers.get('content-type'), path),
      (path) => !isApiPath(path),
    ),
  );
  if (mailbox) root.route('/', mailboxRoutes(store, tenants ?? [demoTenant]));
  const embeds = { '/embed': embedRoot, ...variantRoots };
  for (const [prefix, dir] of Object.entries(embeds)) {
    if (!dir) continue;
    // Sites on any origin load these: import() and modulepreload fetch modules with CORS.
    root.use(`${prefix}/*`, async (c, next) => {
      await next();
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    });
    root.use(
      `${prefix}/*`,
      staticFiles({
        root: dir,
        prefix,
        // Hashed chunks never change; the loader's URL is stable, so it must revalidate soon (its ETag makes that a 304).
        cacheControl: (path) => (HASHED.test(path) ? IMMUTABLE : 'public, max-age=300'),
      }),
    );
  }
  // The bundle reports and Storybook are rebuilt in place under fixed names: always revalidated, hashed assets kept.
  const tools = { '/reports': reportsRoot, '/storybook': storybookRoot };
  for (const [prefix, dir] of Object.entries(tools)) {
    if (!dir) continue;
    // `/reports/*` matches `/reports` too: the bare folder is redirected to its slash there.
    root.use(`${prefix}/*`, staticFiles({ root: dir, prefix, cacheControl: (path) => (/^assets\//.test(path) && HASHED.test(path) ? IMMUTABLE : 'no-cache') }));
    // Not built yet (`npm start` builds Storybook once the demo is up): say so, rather than a bare 404.
    root.get(`${prefix}/`, (c) => notBuiltYet(c.req.path));
  }
  if (demoRoot) {
    root.use('/*', staticFiles({ root: demoRoot, prefix: '', cacheControl: (path) => (path.startsWith('assets/') ? IMMUTABLE : 'no-cache') }));
  }
  // Whatever no route or file answers is a problem too (the API app's own notFound is not reached once it is mounted here).
  root.notFound(async (c) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return noRouteProblemResponse(c.req.method, c.req.path);
    // Another method on a page or file that exists: 405, it is only ever read.
    const read = await root.fetch(new Request(c.req.url, { method: 'HEAD' }), c.env);
    return noRouteProblemResponse(c.req.method, c.req.path, read.ok ? ['GET', 'HEAD'] : []);
  });
  return async (request: Request, env: HttpBindings): Promise<Response> => {
    const response = isApiPath(new URL(request.url).pathname) ? await compressJson(request, await root.fetch(request, env)) : await root.fetch(request, env);
    // A refused body (413) is left unread: the answer says `Connection: close`, and the close must let the client read it.
    if (response.headers.get('connection') === 'close') closeLingering(env.incoming.socket);
    if (response.headers.has(KILL_CONNECTION_HEADER)) {
      // A chaos fault: the client sees a connection reset and no response at all.
      env.incoming.socket.destroy();
    }
    if (response.headers.has(CUT_AFTER_BYTES_HEADER)) {
      // A chaos fault: the bytes let through reach the client, then the connection drops.
      // The cut is decided as the last part is taken from the stream, a microtask before the adapter writes it:
      // checking the socket's buffers only after that write (a macrotask on) keeps the part from being dropped with the socket.
      return cutResponse(response, () => setImmediate(() => destroyOnceFlushed(env)));
    }
    return response;
  };
}

/**
 * The close RFC 9112 §9.6 asks for after an answer the client may still be
 * sending a body to: our side first (Node's `destroySoon` would also drop
 * the socket at once, so a client mid-upload gets a reset instead of the
 * answer), then what still arrives is read and dropped for a while.
 */
function closeLingering(socket: Socket, ms = 2000) {
  socket.destroySoon = () => socket.end();
  const timer = setTimeout(() => socket.destroy(), ms).unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Drops the connection once the headers and every byte written so far have left for the client, and a
 * moment more: a browser errors a response body as soon as it sees the close, and erroring a stream
 * discards what the page's script had not yet read (the Streams spec), so on a busy machine a close right
 * behind the bytes lost them all. A real cut comes later than the bytes before it, too.
 */
function destroyOnceFlushed({ incoming, outgoing }: HttpBindings, triesLeft = 200) {
  const { socket } = incoming;
  const flushed = outgoing.headersSent && outgoing.writableLength === 0 && socket.writableLength === 0;
  if (socket.destroyed) return;
  if (flushed || triesLeft === 0) setTimeout(() => socket.destroy(), CUT_LINGER_MS);
  else setTimeout(() => destroyOnceFlushed({ incoming, outgoing }, triesLeft - 1), 5);
}

const CUT_LINGER_MS = 300;

/** Listens on loopback only, IPv4 and IPv6, so `localhost` works whichever it resolves to. */
export async function listen(fetch: ReturnType<typeof createNodeApp>, requestedPort: number, hosts: string[]): Promise<{ servers: Server[]; port: number }> {
  const servers: Server[] = [];
  let port = requestedPort;
  for (const host of hosts) {
    const server = createAdaptorServer({ fetch: fetch as never, port, hostname: host }) as Server;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      servers.push(server);
      // Port 0 picks a free port; every further address then shares it.
      port = (server.address() as AddressInfo).port;
    } catch (error) {
      // No IPv6 on this machine is fine as long as one address works.
      if ((error as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL' || host === hosts[0]) throw error;
    }
  }
  return { servers, port };
}
