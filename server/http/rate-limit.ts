import type { MiddlewareHandler } from 'hono';
import type { TenantRegistry } from '../tenants';
import { presentedKey } from './auth';
import type { AppEnv } from './env';
import { networkOf } from './keyed-hash';
import { Problem } from './problem';
import { type Limit, TokenBuckets } from './token-buckets';

export type PolicyName = 'address' | 'address-write' | 'unknown-key' | 'key' | 'key-write';

/**
 * Every limit, per server process (two processes behind one balancer let
 * through twice as much). Why these numbers:
 * - `address`, every API call from one network (an IPv4 address, an IPv6
 *   /64; loopback in any form is one): generous, because a page load is ~5
 *   calls, the SDK retries, one address may be an office or a carrier's NAT
 *   with hundreds of phones behind it, and a test suite drives a whole demo
 *   from loopback. A flood of reads from one address still gets ~2,400 through
 *   and then 40 a second.
 * - `address-write`, POSTs that store something (quotes, bookings, payments,
 *   chat messages, leads): a visit makes 10–20 (a quote each time typing
 *   settles), so 600 at once and 10 a second leave room for a busy office,
 *   while one address flooding stores at most 10 a second (of 20,000 quotes
 *   sent in 9 s, ~690). A write that stores nothing (any 4xx or 5xx answer)
 *   gives its token back: refused input costs only the `address` allowance.
 * - `unknown-key`, calls with a missing or unknown key, per address: a page
 *   with a wrong key learns so from its first 401; 20 at once then one every
 *   3 s make guessing keys hopeless.
 * - `key` and `key-write`, per key across all addresses (a publishable key is
 *   public, shared by every visitor of its tenant): the capacity guard against
 *   a flood from many addresses, far above a busy site's needs (100 calls and
 *   50 writes a second sustained; ~1,000 visits a day is busy for a caterer).
 */
export const LIMITS: Record<PolicyName, Limit> = {
  address: { burst: 2400, perMinute: 2400 },
  'address-write': { burst: 600, perMinute: 600 },
  'unknown-key': { burst: 20, perMinute: 20 },
  key: { burst: 6000, perMinute: 6000 },
  'key-write': { burst: 3000, perMinute: 3000 },
};

/** Buckets held per policy at most: ~150 bytes each, so a few MB whatever the flood. */
const MAX_TRACKED = 20_000;

/** A bucket a request draws on: the policy and whose bucket (an address's network, a key). */
export type Charge = [PolicyName, string];

export interface RateLimiter {
  /**
   * Takes a token from each bucket named, or from none when any is empty:
   * the policies that had none, and the seconds until each has one again.
   */
  take(charges: Charge[]): { refused: PolicyName[]; retryAfter: number };
  /** Gives back the tokens `take` took from these buckets (a write that stored nothing). */
  refund(charges: Charge[]): void;
  /** `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers) for these buckets as they stand. */
  headers(charges: Charge[]): Record<string, string>;
  /** Buckets held, across policies (for tests of the memory bound). */
  tracked(): number;
}

export function createRateLimiter({
  limits = LIMITS,
  maxTracked = MAX_TRACKED,
  now = () => performance.now(),
}: {
  limits?: Record<PolicyName, Limit>;
  maxTracked?: number;
  /**
   * Milliseconds on a clock that only moves forward. Not the business clock:
   * that one moves (chaos in tests, an operator's correction) and must not
   * refill or freeze anyone's allowance.
   */
  now?: () => number;
} = {}): RateLimiter {
  const policies = Object.fromEntries(Object.entries(limits).map(([name, limit]) => [name, new TokenBuckets(limit, maxTracked)])) as Record<
    PolicyName,
    TokenBuckets
  >;
  return {
    take(charges) {
      const t = now();
      const refused = charges.filter(([name, id]) => policies[name].tokens(id, t) < 1);
      if (refused.length === 0) for (const [name, id] of charges) policies[name].take(id, t);
      for (const buckets of Object.values(policies)) buckets.sweep(t);
      return {
        refused: refused.map(([name]) => name),
        retryAfter: Math.max(0, ...refused.map(([name, id]) => policies[name].state(id, t).retrySeconds)),
      };
    },
    refund(charges) {
      const t = now();
      for (const [name, id] of charges) policies[name].refund(id, t);
    },
    headers(charges) {
      const t = now();
      const policy: string[] = [];
      const state: string[] = [];
      for (const [name, id] of charges) {
        const { burst, perMinute } = policies[name].limit;
        const s = policies[name].state(id, t);
        policy.push(`"${name}";q=${burst};w=${Math.round((burst * 60) / perMinute)}`);
        state.push(`"${name}";r=${s.remaining};t=${s.resetSeconds}`);
      }
      return { 'RateLimit-Policy': policy.join(', '), RateLimit: state.join(', ') };
    },
    tracked: () => Object.values(policies).reduce((n, p) => n + p.size, 0),
  };
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * Charges each API request to its buckets: its network's, and its key's when
 * the key is known, else its network's unknown-key bucket; writes to the write
 * buckets as well. Preflights are free. A refusal is a 429 problem with
 * `Retry-After`; every answer carries `RateLimit` and `RateLimit-Policy`.
 */
export function rateLimit(
  limiter: RateLimiter,
  { tenants, needsKey }: { tenants: TenantRegistry; needsKey: (path: string) => boolean },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const network = networkOf(c.get('clientAddress'));
    const charges: Charge[] = [['address', network]];
    const writes: Charge[] = [];
    if (needsKey(c.req.path)) {
      const { key } = presentedKey(c);
      const known = key !== undefined && tenants.byKey(key) !== undefined;
      if (!SAFE.has(c.req.method)) writes.push(['address-write', network], ...(known ? [['key-write', key] as Charge] : []));
      charges.push(known ? ['key', key] : ['unknown-key', network], ...writes);
    }
    const { refused, retryAfter } = limiter.take(charges);
    if (refused.length > 0) {
      throw new Problem({
        status: 429,
        code: 'rate-limited',
        title: 'Too many requests',
        detail: `Too many requests (${refused.join(', ')}). Try again in ${retryAfter} s.`,
        headers: { 'Retry-After': String(retryAfter), ...limiter.headers(charges) },
      });
    }
    await next();
    // Only what is stored counts against the write allowances: a refused or failed write gives its tokens back.
    if (writes.length > 0 && c.res.status >= 400) limiter.refund(writes);
    for (const [name, value] of Object.entries(limiter.headers(charges))) c.res.headers.set(name, value);
  };
}

/** The last hop of X-Forwarded-For: the address our own proxy saw (earlier hops are the client's to write). */
export function forwardedFor(header: string | undefined): string | undefined {
  const last = header?.split(',').at(-1)?.trim();
  return last || undefined;
}
