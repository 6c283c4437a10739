import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { networkOf } from './keyed-hash';
import { Problem } from './problem';
import type { Charge, RateLimiter } from './rate-limit';
import { bucketState } from './token-buckets';

/**
 * The leads' own allowance (`lead` per visitor's network, `lead-tenant` per
 * tenant; see LIMITS), on top of every write's. Mounted after the
 * idempotency middleware, so a replay of a lead already stored (a retry, a
 * double click, a reload) is answered before it gets here and costs nothing;
 * and a lead refused or failed (any 4xx or 5xx) gives its tokens back. A
 * refusal is a 429 problem `too-many-leads` with `Retry-After`.
 */
export function leadLimit(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const charges: Charge[] = [
      ['lead', networkOf(c.get('clientAddress'))],
      ['lead-tenant', c.get('tenant').id],
    ];
    const { taken, tokens } = await limiter.take(charges);
    if (!taken) {
      const retryAfter = Math.max(...charges.map(([name], i) => ((tokens[i] ?? 0) < 1 ? bucketState(limiter.limits[name], tokens[i] ?? 0).retrySeconds : 0)));
      const byVisitor = (tokens[0] ?? 0) < 1;
      throw new Problem({
        status: 429,
        code: 'too-many-leads',
        title: 'Too many messages to the team',
        detail: byVisitor
          ? `You have sent the team several messages in the last hour. Try again in ${Math.ceil(retryAfter / 60)} min.`
          : `The team has received many messages in the last hour. Try again in ${Math.ceil(retryAfter / 60)} min.`,
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    await next();
    if (c.res.status >= 400) await limiter.refund(charges);
  };
}
