import { describe, expect, it } from 'vitest';
import { type AttemptOutcome, backoffDelay, DEFAULT_RETRY_POLICY, decideRetry, parseRateLimitReset, parseRetryAfter, serverWaitMs } from './retry-policy';

const policy = DEFAULT_RETRY_POLICY;
const outcome = (o: Partial<AttemptOutcome>): AttemptOutcome => ({
  method: 'GET',
  hasIdempotencyKey: false,
  status: 503,
  retryAfterMs: undefined,
  retriesSoFar: 0,
  remainingMs: 60_000,
  ...o,
});

describe('decideRetry', () => {
  it.each([
    ['GET network error', { status: undefined }, true],
    ['GET 408', { status: 408 }, true],
    ['GET 429', { status: 429 }, true],
    ['GET 502', { status: 502 }, true],
    ['GET 503', { status: 503 }, true],
    ['GET 504', { status: 504 }, true],
    ['GET 500', { status: 500 }, false],
    ['GET 400', { status: 400 }, false],
    ['GET 401', { status: 401 }, false],
    ['GET 403', { status: 403 }, false],
    ['GET 404', { status: 404 }, false],
    ['GET 409', { status: 409 }, false],
    ['GET 422', { status: 422 }, false],
    ['POST without key, network error', { method: 'POST', status: undefined }, false],
    ['POST without key, 503', { method: 'POST', status: 503 }, false],
    ['POST with key, network error', { method: 'POST', hasIdempotencyKey: true, status: undefined }, true],
    ['POST with key, 503', { method: 'POST', hasIdempotencyKey: true, status: 503 }, true],
    ['POST without key, 429', { method: 'POST', status: 429 }, false],
    ['POST with key, 429 (rate-limited before anything was stored)', { method: 'POST', hasIdempotencyKey: true, status: 429 }, true],
    ['POST with key, 409 seating full', { method: 'POST', hasIdempotencyKey: true, status: 409 }, false],
    ['POST with key, 409 still in flight (Retry-After)', { method: 'POST', hasIdempotencyKey: true, status: 409, retryAfterMs: 1000 }, true],
    ['POST with key, 422', { method: 'POST', hasIdempotencyKey: true, status: 422 }, false],
  ] as const)('%s → retry: %s', (_, o, retry) => {
    expect(decideRetry(outcome(o), policy).retry).toBe(retry);
  });

  it('stops after the configured number of retries', () => {
    expect(decideRetry(outcome({ retriesSoFar: policy.retries - 1 }), policy).retry).toBe(true);
    expect(decideRetry(outcome({ retriesSoFar: policy.retries }), policy)).toEqual({ retry: false, reason: 'exhausted' });
  });

  it('keeps waiting on its own request still in flight past the retry count, within the budget', () => {
    const inFlight = outcome({ method: 'POST', hasIdempotencyKey: true, status: 409, retryAfterMs: 1000, retriesSoFar: policy.retries + 4 });
    expect(decideRetry(inFlight, policy).retry).toBe(true);
    expect(decideRetry({ ...inFlight, remainingMs: 900 }, policy)).toEqual({ retry: false, reason: 'wait-too-long' });
  });

  it('waits at least as long as Retry-After asks', () => {
    const d = decideRetry(outcome({ status: 429, retryAfterMs: 4000 }), policy, () => 0);
    expect(d).toEqual({ retry: true, delayMs: 4000 });
  });

  it('fails fast when Retry-After is longer than the caller will wait, or than the budget left', () => {
    expect(decideRetry(outcome({ retryAfterMs: policy.maxWaitMs + 1 }), policy)).toEqual({ retry: false, reason: 'wait-too-long' });
    expect(decideRetry(outcome({ retryAfterMs: 5000, remainingMs: 4000 }), policy)).toEqual({ retry: false, reason: 'wait-too-long' });
    expect(decideRetry(outcome({ remainingMs: 10 }), policy)).toEqual({ retry: false, reason: 'over-budget' });
  });
});

describe('backoffDelay', () => {
  it('doubles each step, with jitter within the upper half, up to the cap', () => {
    const p = { ...policy, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, p, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, p, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('serverWaitMs', () => {
  const exhausted = '"address";r=599;t=1, "address-write";r=0;t=7';

  it('prefers Retry-After when there is one', () => {
    expect(serverWaitMs(429, '2', exhausted)).toBe(2000);
  });

  it('on a 429 or 503 without Retry-After, waits for the reset of the RateLimit policy with nothing left', () => {
    expect(serverWaitMs(429, undefined, exhausted)).toBe(7000);
    expect(serverWaitMs(503, undefined, '"a";r=0;t=3, "b";r=0;t=5')).toBe(5000);
  });

  it('reads nothing from RateLimit when no policy is exhausted, or on other statuses', () => {
    expect(serverWaitMs(429, undefined, '"address";r=10;t=60')).toBeUndefined();
    expect(serverWaitMs(429, undefined, undefined)).toBeUndefined();
    // A 409 (seating full) may come just as a bucket hit zero: not the "key in flight" that Retry-After signals.
    expect(serverWaitMs(409, undefined, exhausted)).toBeUndefined();
  });

  it('parses the structured field loosely: spacing, parameter order, no t', () => {
    expect(parseRateLimitReset('"burst" ; t=12 ; r=0')).toBe(12_000);
    expect(parseRateLimitReset('"burst";r=0')).toBeUndefined();
    expect(parseRateLimitReset('"burst";r=05;t=4')).toBeUndefined();
  });
});
