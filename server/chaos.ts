import { Hono, type MiddlewareHandler } from 'hono';
import { z } from '../src/contract/zod';
import { type BusinessClock, createBusinessClock } from './clock';
import type { AppEnv } from './http/env';
import { problemResponse } from './http/problem';
import { jsonBody } from './http/validate';

/** A response carrying this header is turned into a dropped connection by the transport (Node or MSW). */
export const KILL_CONNECTION_HEADER = 'x-teppan-kill-connection';
/** A response carrying this header (a byte count) is cut by the transport after that many bytes of its body. */
export const CUT_AFTER_BYTES_HEADER = 'x-teppan-cut-after-bytes';

export const faultRule = z.strictObject({
  /** HTTP method to match; any but OPTIONS when omitted. */
  method: z.optional(z.string().check(z.toUpperCase())),
  /** Exact path (`/api/v1/catalog`), or a prefix ending in `*` (`/api/v1/bookings*`). */
  path: z.string().check(z.minLength(1)),
  /** Only requests carrying this Idempotency-Key: one visitor's intent, whoever else calls the route meanwhile. */
  idempotencyKey: z.optional(z.string()),
  /** Answer with this status instead of handling the request. */
  status: z.optional(z.int().check(z.gte(100), z.lte(599))),
  /** `Retry-After` sent with `status`: seconds, or an HTTP date. */
  retryAfter: z.optional(z.union([z.int().check(z.gte(0)), z.string()])),
  /** Wait this long before handling (after an Idempotency-Key is claimed). */
  delayMs: z.optional(z.int().check(z.gte(0), z.lte(600_000))),
  /** Drop the connection before handling: nothing happens on the server. */
  reset: z.optional(z.boolean()),
  /** Handle the request (and commit), then drop the connection instead of answering. */
  drop: z.optional(z.boolean()),
  /**
   * Handle the request (and commit), send the status, the headers and this many
   * bytes of the body, then drop the connection: a stream cut mid-answer.
   */
  cutAfterBytes: z.optional(z.int().check(z.gte(0))),
  /** How many matching requests it affects; every one when omitted. */
  times: z.optional(z.int().check(z.gte(1))),
});
export type FaultRule = z.infer<typeof faultRule>;

const armRequest = z.union([faultRule, z.array(faultRule), z.strictObject({ faults: z.array(faultRule) })]);

/** Moves the server's clock forward (a year at most), e.g. past a hold's expiry. */
export const clockRequest = z.strictObject({ advanceMs: z.int().check(z.gte(0), z.lte(366 * 86_400_000)) });

interface Armed extends FaultRule {
  id: number;
  hits: number;
}

const kill = () => new Response(null, { status: 599, headers: { [KILL_CONNECTION_HEADER]: '1' } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The cut of a `cutAfterBytes` fault, for the transports: passes on the first
 * `limit` bytes of `body`, then calls `cut` (which drops the connection its
 * own way) once the consumer has taken them, and stops reading the rest.
 */
export function cutResponse(response: Response, cut: (controller: ReadableStreamDefaultController<Uint8Array>) => void): Response {
  const limit = Number(response.headers.get(CUT_AFTER_BYTES_HEADER));
  const headers = new Headers(response.headers);
  headers.delete(CUT_AFTER_BYTES_HEADER);
  // A cut body is never complete: no length to promise.
  headers.delete('content-length');
  const reader = response.body?.getReader();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Called again only once what was enqueued has been taken: now the cut can follow it.
      if (sent >= limit) {
        await reader?.cancel();
        cut(controller);
        return;
      }
      const next = await reader?.read();
      if (!next || next.done) {
        controller.close();
        return;
      }
      const part = next.value.subarray(0, limit - sent);
      sent += part.byteLength;
      controller.enqueue(part);
    },
    cancel: (reason) => reader?.cancel(reason),
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** What reached the server, so tests can count attempts from the server's side. */
export interface SeenRequest {
  method: string;
  path: string;
  /** Epoch ms when it arrived. */
  at: number;
  idempotencyKey?: string;
}

// Room for a whole fault matrix run (every page load is logged too) between two resets.
const SEEN_LIMIT = 10_000;

/**
 * Fault injection for tests (only when the server runs with TEPPAN_CHAOS=1):
 * `POST /__chaos` arms rules, `GET /__chaos` lists them, `GET /__chaos/requests`
 * lists what reached the server, `POST /__chaos/clock` moves `clock` (the server's business clock)
 * forward, and `DELETE /__chaos` clears rules and the request log and resets the clock.
 */
export function createChaos(initial: FaultRule[] = [], clock: BusinessClock = createBusinessClock()) {
  let nextId = 1;
  let rules: Armed[] = initial.map((r) => ({ ...r, id: nextId++, hits: 0 }));
  let seen: SeenRequest[] = [];

  const take = (method: string, path: string, key: string | undefined): Armed | undefined => {
    const rule = rules.find(
      (r) =>
        (r.method ? r.method === method : method !== 'OPTIONS') &&
        (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path) &&
        (r.idempotencyKey === undefined || r.idempotencyKey === key),
    );
    if (!rule) return undefined;
    rule.hits++;
    if (rule.times !== undefined && rule.hits >= rule.times) rules = rules.filter((r) => r !== rule);
    return rule;
  };

  const routes = new Hono<AppEnv>()
    .post('/', async (c) => {
      const body = await jsonBody(c, armRequest);
      const list = Array.isArray(body) ? body : 'faults' in body ? body.faults : [body];
      const armed = list.map((r) => ({ ...r, id: nextId++, hits: 0 }));
      rules.push(...armed);
      return c.json({ faults: armed }, 201);
    })
    .get('/', (c) => c.json({ faults: rules }))
    .get('/requests', (c) => c.json({ requests: seen }))
    .post('/clock', async (c) => {
      clock.advance((await jsonBody(c, clockRequest)).advanceMs);
      return c.json({ offsetMs: clock.offsetMs(), now: new Date(clock.now()).toISOString() });
    })
    .delete('/', (c) => {
      rules = [];
      seen = [];
      clock.reset();
      return c.body(null, 204);
    });

  /** Runs first: status and reset faults, and the drop after the handler committed. */
  const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!c.req.path.startsWith('/__chaos')) {
      seen.push({ method: c.req.method, path: c.req.path, at: Date.now(), ...(key ? { idempotencyKey: key } : {}) });
      if (seen.length > SEEN_LIMIT) seen = seen.slice(-SEEN_LIMIT);
    }
    const rule = take(c.req.method, c.req.path, key);
    c.set('chaosDelayMs', rule?.delayMs ?? 0);
    if (rule?.reset) return kill();
    if (rule?.status) {
      const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {};
      return problemResponse({
        status: rule.status,
        code: 'injected-fault',
        title: 'Injected fault',
        detail: `Chaos rule ${rule.id} answered ${rule.status}.`,
        headers,
      });
    }
    await next();
    if (rule?.drop) c.res = kill();
    else if (rule?.cutAfterBytes !== undefined) c.res.headers.set(CUT_AFTER_BYTES_HEADER, String(rule.cutAfterBytes));
  };

  /** Runs just before the handler, after an Idempotency-Key claim, so a slow request is "in flight". */
  const delay: MiddlewareHandler<AppEnv> = async (c, next) => {
    const ms = c.get('chaosDelayMs');
    if (ms) await sleep(ms);
    await next();
  };

  return { routes, gate, delay };
}
