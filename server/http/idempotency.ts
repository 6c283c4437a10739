import type { Context, MiddlewareHandler } from 'hono';
import type { Store, StoredResponse } from '../store/types';
import type { AppEnv } from './env';
import { claimKey, type HeldKey } from './key-lease';
import { keyedHash } from './keyed-hash';
import { Problem } from './problem';
import { bodyText } from './validate';

/**
 * How long a key is remembered (the draft's 24 hours). Later, a repeat is a
 * new request; the routes' own rules still refuse a duplicate that matters
 * (one live booking per quote, one success per payment, one message per id).
 */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** JSON with sorted keys, so `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Keyed, so the stored fingerprint of a body holding a card number is no way back to the number. */
async function fingerprint(secret: string, method: string, path: string, body: string): Promise<string> {
  let normal = body;
  try {
    normal = canonical(JSON.parse(body));
  } catch {
    // Not JSON: the raw text is the fingerprint; validation will refuse it anyway.
  }
  return keyedHash(secret, `${method} ${path}\n${normal}`);
}

/** How a handler that took a key's settlement over ends it. */
export type IdempotencySettlement = HeldKey;

export interface IdempotencyClaim {
  /**
   * For a response whose body is still being produced when it goes out (a
   * stream): the middleware neither waits for the body nor keeps it, so the
   * first bytes leave at once; the handler settles the key when its body is
   * complete, whether or not anyone is still reading it.
   */
  takeOver(): IdempotencySettlement;
  /**
   * The key was claimed before by a request that died unfinished (its lease ran
   * out): it may have made its resource before dying, which this request may
   * then find already there.
   */
  inherited: boolean;
}

export interface IdempotencyOptions {
  required: boolean;
  /**
   * The wall clock (never a business clock moved by chaos): claims are
   * leases every instance must judge alike (see key-lease.ts).
   */
  clock: () => number;
  /** The Content-Type of a replayed body (every success of the route has this type). */
  replayType?: string;
  /**
   * The resource as it stands now, for a replay (JSON): the first response's
   * status and `Location` with today's state, so a replay never reports what
   * has since changed (a hold that expired, a payment that went through).
   * Undefined, or a route without it: the stored body.
   */
  current?: (c: Context<AppEnv>, stored: StoredResponse) => Promise<unknown> | unknown;
}

/**
 * The IETF Idempotency-Key draft: the first request with a key runs; a repeat
 * with the same body gets the first response again (`Idempotent-Replayed: true`),
 * its resource as it is now where the route can read it (`current`); with
 * another body 422; while the first still runs 409. Only responses that
 * created something are kept: after a refusal the key is free again.
 */
export function idempotent(store: Store, { required, clock, replayType = 'application/json', current }: IdempotencyOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = c.req.header('idempotency-key');
    if (!key) {
      if (!required) return next();
      throw new Problem({
        status: 400,
        code: 'idempotency-key-required',
        title: 'Idempotency-Key required',
        detail: 'Send an Idempotency-Key header (a random UUID per intent) so a retry never does the same thing twice (a second booking, a second answer).',
      });
    }
    if (!/^[\x21-\x7e]{8,255}$/.test(key)) {
      throw new Problem({
        status: 400,
        code: 'idempotency-key-invalid',
        title: 'Invalid Idempotency-Key',
        detail: 'Use 8 to 255 printable characters, e.g. a UUID.',
      });
    }
    const scope = `${c.get('tenant').id} ${c.req.path}`;
    const print = await fingerprint(store.secret, c.req.method, c.req.path, await bodyText(c));
    const claim = await claimKey(store, scope, key, print, clock);
    switch (claim.state) {
      case 'mismatch':
        throw new Problem({
          status: 422,
          code: 'idempotency-key-reused',
          title: 'Idempotency-Key reused',
          detail: 'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
        });
      case 'in_flight':
        throw new Problem({
          status: 409,
          code: 'idempotency-in-flight',
          title: 'Request in progress',
          detail: 'A request with this Idempotency-Key is still being processed. Retry shortly to get its result.',
          headers: { 'Retry-After': '1' },
        });
      case 'replay':
        return replay(c, claim, replayType, current);
    }
    const { held, inherited } = claim;
    let takenOver = false;
    c.set('idempotency', {
      inherited,
      takeOver: () => {
        takenOver = true;
        return held;
      },
    });
    try {
      await next();
    } catch (error) {
      await held.release();
      throw error;
    }
    if (takenOver) return;
    if (c.res.status >= 200 && c.res.status < 300) {
      const location = c.res.headers.get('Location');
      await held.finish({ status: c.res.status, body: await c.res.clone().text(), ...(location ? { location } : {}) });
    } else {
      await held.release();
    }
  };
}

/** The `id` of a stored JSON response body: the resource a `current` reader looks up. */
export const storedId = (stored: StoredResponse) => String((JSON.parse(stored.body) as { id?: unknown }).id);

async function replay(c: Context<AppEnv>, stored: StoredResponse, type: string, current: IdempotencyOptions['current']): Promise<Response> {
  const now = current ? await current(c, stored) : undefined;
  const headers: Record<string, string> = { 'Content-Type': now === undefined ? type : 'application/json', 'Idempotent-Replayed': 'true' };
  if (stored.location) headers.Location = stored.location;
  return new Response(now === undefined ? stored.body : JSON.stringify(now), { status: stored.status, headers });
}
