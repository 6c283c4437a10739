import type { ZodMiniType } from 'zod/mini';
import { TeppanError } from '../errors';
import type { LogHook } from '../log';
import { loadAxiosClient } from './axios-loader';
import { apiBaseUrl } from './base-url';
import type { RetryPolicy } from './retry-policy';
import type { CallTiming, TimingClass } from './timeouts';

export interface HttpClientOptions {
  /** Origin (and optional path prefix) of the Teppan API, e.g. `https://api.example.com`. */
  apiBase: string;
  /** The tenant's publishable key, `pk_…`. */
  publishableKey: string;
  /** Receives one entry per finished call. Nothing is logged without it. */
  onLog?: LogHook;
  retry?: Partial<RetryPolicy>;
}

/** A call's options; `schema` is what a JSON response must satisfy. */
export interface RequestOptions<T> extends CallSettings {
  /** The contract schema the response body must satisfy. */
  schema: ZodMiniType<T>;
}

export interface CallSettings {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under `/api/v1`, e.g. `/bookings/bk_123`. */
  path: string;
  /** The path's template for logs, e.g. `/bookings/:id`. Defaults to `path`. */
  route?: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  timing?: TimingClass | CallTiming;
  /** Makes a POST repeatable: the server returns the first result for a repeated key. */
  idempotencyKey?: string;
  /** Stops the call at once, pending waits included. */
  signal?: AbortSignal;
  /** Longest Retry-After this caller will wait; longer fails fast as `busy`. */
  maxWaitMs?: number;
  /**
   * `false`: an attempt that gets no answer (connection lost, timeout) fails the
   * call at once instead of being repeated, so the caller can find out what
   * happened (a payment confirm asks for the payment's status). Answers that say
   * "try again" (429, 503, …) are still retried.
   */
  retryNoAnswer?: boolean;
}

export interface HttpClient {
  request<T>(options: RequestOptions<T>): Promise<T>;
  /**
   * A call whose answer is read as it arrives (a streamed chat reply). The same
   * policy holds until the answer starts: retries, per-attempt timeouts, typed
   * errors. It resolves with the body once the status is in; the attempt's
   * timeout still cuts the body short, and whoever reads it (`readNdjson`)
   * follows the caller's signal. The body is fetched as it arrives by
   * ./stream-adapter.ts, which comes with axios (in the embed's `http` chunk),
   * so a widget that streams does not wait for axios before its first render.
   */
  stream(options: CallSettings): Promise<ReadableStream<Uint8Array>>;
  /** An absolute URL of a GET route with the publishable key in it, for links (downloads). */
  href(path: string, query?: Record<string, string>): string;
}

/**
 * The page's one HTTP client. Its axios instance (./axios-client.ts) comes from `loadAxiosClient`: imported with
 * this module in the library, on demand in the embed (src/embed/axios-loader.ts, the `http` chunk: ~18 kB gzip),
 * so a widget that draws what it already has (the quote calculator, whose catalog the embed loader fetched) does
 * not wait for axios to download and start. Asked for once the page is idle, or at the first call.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  let client: Promise<Pick<HttpClient, 'request' | 'stream'>> | undefined;
  const load = () => {
    client ??= loadAxiosClient().then(
      (create) => create(options),
      (cause: unknown) => {
        // The next call asks again: browsers fetch a module anew after a failed fetch (Chromium does).
        client = undefined;
        throw new TeppanError({ kind: 'network', cause });
      },
    );
    return client;
  };
  if (typeof window !== 'undefined') (window.requestIdleCallback ?? setTimeout)(() => load().catch(() => {}));
  // A call its caller dropped while the client loaded is not sent: the client refuses an aborted signal itself.
  return {
    request: async (o) => (await load()).request(o),
    stream: async (o) => (await load()).stream(o),
    href(path, query = {}) {
      const url = new URL(`${apiBaseUrl(options.apiBase)}${path}`, typeof location === 'undefined' ? 'http://localhost' : location.href);
      for (const [k, v] of Object.entries({ ...query, key: options.publishableKey })) url.searchParams.set(k, v);
      return url.href;
    },
  };
}
