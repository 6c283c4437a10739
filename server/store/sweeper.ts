import type { MiddlewareHandler } from 'hono';
import { IDEMPOTENCY_TTL_MS } from '../http/idempotency';
import type { Store, SweepRules } from './types';

/** An expired quote is kept this long, so a late visitor hears "expired" rather than "not found". */
const EXPIRED_QUOTE_GRACE_MS = 7 * 86_400_000;
export const SWEEP_RULES: SweepRules = { idempotencyTtlMs: IDEMPOTENCY_TTL_MS, expiredQuoteTtlMs: EXPIRED_QUOTE_GRACE_MS };
const EVERY_MS = 60_000;

/**
 * Deletes what has outlived its use (expired quotes, old idempotency records)
 * at most once a minute, after a response went out: storage stays bounded by
 * the rate limits times these lifetimes, with no timer to stop. `alsoEachSweep`
 * is other catching-up work on the same beat (refunds left pending).
 */
export function sweeper(store: Store, now: () => number, alsoEachSweep?: (now: number) => Promise<unknown>): MiddlewareHandler {
  let last = Number.NEGATIVE_INFINITY;
  return async (_c, next) => {
    await next();
    const t = now();
    // A clock set back (NTP, or chaos reset in tests) sweeps at once rather than waiting for the old time.
    if (t >= last && t - last < EVERY_MS) return;
    last = t;
    // The response is made: a sweep that fails (the database gone a moment) must not turn it into an error. The next one catches up.
    await store.sweep(t, SWEEP_RULES).catch((error: unknown) => console.error(`[teppan] sweep failed: ${String(error)}`));
    await alsoEachSweep?.(t).catch((error: unknown) => console.error(`[teppan] sweep failed: ${String(error)}`));
  };
}
