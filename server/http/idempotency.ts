import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/types';
import type { AppEnv } from './env';
import { Problem } from './problem';

/** A claim that never finished (its process died) is taken over after this long. */
const STALE_AFTER_MS = 5 * 60_000;

/** JSON with sorted keys, so `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function fingerprint(method: string, path: string, body: string): Promise<string> {
  let normal = body;
  try {
    normal = canonical(JSON.parse(body));
  } catch {
    // Not JSON: the raw text is the fingerprint; validation will refuse it anyway.
  }
  const bytes = new TextEncoder().encode(`${method} ${path}\n${normal}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** How a handler that took a key's settlement over ends it. */
export interface IdempotencySettlement {
  /** Keeps the complete response body, replayed to every later request with the key. */
  finish(status: number, body: string): void;
  /** Frees the key: nothing was created. */
  release(): void;
}

export interface IdempotencyClaim {
  /**
   * For a response whose body is still being produced when it goes out (a
   * stream): the middleware neither waits for the body nor keeps it, so the
   * first bytes leave at once; the handler settles the key when its body is
   * complete, whether or not anyone is still reading it.
   */
  takeOver(): IdempotencySettlement;
}

export interface IdempotencyOptions {
  required: boolean;
  now: () => number;
  /** The Content-Type of a replayed body (every success of the route has this type). */
  replayType?: string;
}

/**
 * The IETF Idempotency-Key draft: the first request with a key runs; a repeat
 * with the same body gets the first response again (`Idempotent-Replayed: true`);
 * with another body 422; while the first still runs 409. Only responses that
 * created something are kept: after a refusal the key is free again.
 */
export function idempotent(store: Store, { required, now, replayType = 'application/json' }: IdempotencyOptions): MiddlewareHandler<AppEnv> {
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
    const print = await fingerprint(c.req.method, c.req.path, await c.req.text());
    const claim = store.beginIdempotent(scope, key, print, now(), STALE_AFTER_MS);
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
        return new Response(claim.body, {
          status: claim.status,
          headers: { 'Content-Type': replayType, 'Idempotent-Replayed': 'true' },
        });
    }
    let takenOver = false;
    const settlement: IdempotencySettlement = {
      finish: (status, body) => store.finishIdempotent(scope, key, status, body),
      release: () => store.releaseIdempotent(scope, key),
    };
    c.set('idempotency', {
      takeOver: () => {
        takenOver = true;
        return settlement;
      },
    });
    try {
      await next();
    } catch (error) {
      settlement.release();
      throw error;
    }
    if (takenOver) return;
    if (c.res.status >= 200 && c.res.status < 300) {
      store.finishIdempotent(scope, key, c.res.status, await c.res.clone().text());
    } else {
      store.releaseIdempotent(scope, key);
    }
  };
}
