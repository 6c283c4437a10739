/**
 * When and how long to wait before another attempt. Pure functions; the HTTP
 * client feeds them what it saw. axios-retry runs the loop, this decides.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff step; each further step doubles. */
  baseDelayMs: number;
  /** No single backoff wait is longer than this (unless the server asks for more with Retry-After). */
  maxDelayMs: number;
  /** A Retry-After longer than this fails the call at once as `busy` instead of waiting. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxWaitMs: 10_000,
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504]);

/** Safe methods may always be repeated; a POST only when the server can deduplicate it by its key. */
export function isRepeatable(method: string, hasIdempotencyKey: boolean): boolean {
  return SAFE_METHODS.has(method.toUpperCase()) || hasIdempotencyKey;
}

/** `undefined` status means no response arrived (network error or attempt timeout). */
export function isRetryableOutcome(status: number | undefined): boolean {
  return status === undefined || RETRYABLE_STATUSES.has(status);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random,
 * so clients that failed together spread out but none retries at once.
 * `retry` counts from 1.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait a `RateLimit` header (draft-ietf-httpapi-ratelimit-headers, e.g.
 * `"burst";r=0;t=12`) implies: the longest reset `t` among its policies with
 * nothing left (`r=0`), in milliseconds; `undefined` when none is exhausted.
 */
export function parseRateLimitReset(value: string | null | undefined): number | undefined {
  const waits = (value ?? '')
    .split(',')
    .filter((item) => /;\s*r=0(;|\s*$)/.test(item))
    .map((item) => Number(/;\s*t=(\d+)/.exec(item)?.[1] ?? Number.NaN))
    .filter((t) => Number.isFinite(t));
  return waits.length ? Math.max(...waits) * 1000 : undefined;
}

/**
 * How long the server asks a refused call to wait: `Retry-After`, else, on a
 * 429 or 503 only, the exhausted `RateLimit` policy's reset (the header comes
 * on every answer, so on a 409 it says nothing about the key in flight).
 */
export function serverWaitMs(status: number | undefined, retryAfter: string | undefined, rateLimit: string | undefined): number | undefined {
  const asked = parseRetryAfter(retryAfter);
  if (asked !== undefined || (status !== 429 && status !== 503)) return asked;
  return parseRateLimitReset(rateLimit);
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not-repeatable' | 'not-retryable' | 'exhausted' | 'wait-too-long' | 'over-budget' };

export interface AttemptOutcome {
  method: string;
  hasIdempotencyKey: boolean;
  status: number | undefined;
  retryAfterMs: number | undefined;
  /** Retries already made. */
  retriesSoFar: number;
  /** Time left in the call's budget. */
  remainingMs: number;
  /**
   * Whether an attempt that got no answer may be repeated. A payment confirm
   * says no: its caller settles a lost answer by asking for the payment's status.
   */
  retryNoAnswer?: boolean;
}

/**
 * A 409 with Retry-After on a keyed request means "the first request with this
 * key is still running" (IETF Idempotency-Key draft): waiting gets its result.
 * Any other 409 is a real conflict and is not retried.
 */
function isInFlightDuplicate(o: AttemptOutcome): boolean {
  return o.status === 409 && o.hasIdempotencyKey && o.retryAfterMs !== undefined;
}

export function decideRetry(o: AttemptOutcome, policy: RetryPolicy, random?: () => number): RetryDecision {
  if (!isRepeatable(o.method, o.hasIdempotencyKey)) return { retry: false, reason: 'not-repeatable' };
  if (!isRetryableOutcome(o.status) && !isInFlightDuplicate(o)) return { retry: false, reason: 'not-retryable' };
  if (o.status === undefined && o.retryNoAnswer === false) return { retry: false, reason: 'not-retryable' };
  // Waiting for our own first request (its attempt timed out, the server is still on it) is no failed
  // attempt: it ends when that request does, so only the budget bounds it, not the count of retries.
  if (o.retriesSoFar >= policy.retries && !isInFlightDuplicate(o)) return { retry: false, reason: 'exhausted' };
  if (o.retryAfterMs !== undefined && o.retryAfterMs > policy.maxWaitMs) return { retry: false, reason: 'wait-too-long' };
  const delayMs = Math.max(backoffDelay(o.retriesSoFar + 1, policy, random), o.retryAfterMs ?? 0);
  // Waiting past the budget only to be cut off helps nobody: fail now.
  if (delayMs >= o.remainingMs) return { retry: false, reason: o.retryAfterMs ? 'wait-too-long' : 'over-budget' };
  return { retry: true, delayMs };
}
