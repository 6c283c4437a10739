import type { MiddlewareHandler } from 'hono';
import type { TenantRegistry } from '../tenants';
import { presentedKey } from './auth';
import type { AppEnv } from './env';
import { Problem } from './problem';
import { type Limit, TokenBuckets } from './token-buckets';

export type PolicyName = 'address' | 'address-write' | 'unknown-key' | 'key' | 'key-write';

/**
 * Every limit, per server process (two processes behind one balancer let
 * through twice as much). Why these numbers:
 * - `address`, every API call from one network address: generous, because a
 *   page load is ~5 calls, the SDK retries, and one address may be an office
 *   or a carrier's NAT with hundreds of phones behind it.
 * - `address-write`, POSTs that store something (quotes, bookings, payments,
 *   chat messages, leads): a visit makes 10–20 (a quote each time typing
 *   settles), so 120 at once and 2 a second leaves room for a dozen visitors
 *   at work behind one address, and one address flooding stores 2 a second.
 * - `unknown-key`, calls with a missing or unknown key, per address: a page
 *   with a wrong key learns so from its first 401; 5 at once then 10 a minute
 *   make guessing keys hopeless.
 * - `key` and `key-write`, per key across all addresses (a publishable key is
 *   public, shared by every visitor of its tenant): the capacity guard against
 *   a flood from many addresses, far above a busy site's needs (50 calls and
 *   10 writes a second sustained; ~1,000 visits a day is busy for a caterer).
 */
export const LIMITS: Record<PolicyName, Limit> = {
  address: { burst: 600, perMinute: 600 },
  'address-write': { burst: 120, perMinute: 120 },
  'unknown-key': { burst: 5, perMinute: 10 },
  key: { burst: 3000, perMinute: 3000 },
  'key-write': { burst: 600, perMinute: 600 },
};

/** Buckets held per policy at most: ~150 bytes each, so a few MB whatever the flood. */
const MAX_TRACKED = 20_000;

export interface RateLimitVerdict {
  /** Policies with no token left: the request is refused when there is one. */
  refused: PolicyName[];
  /** Seconds until every refused policy has a token again. */
  retryAfter: number;
  /** `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers), for the policies that applied. */
  headers: Record<string, string>;
}

export interface RateLimiter {
  /** Takes a token from each bucket named, or from none when any is empty. */
  take(charges: [PolicyName, string][], now: number): RateLimitVerdict;
  /** Buckets held, across policies (for tests of the memory bound). */
  tracked(): number;
}

export function createRateLimiter({
  limits = LIMITS,
  maxTracked = MAX_TRACKED,
}: {
  limits?: Record<PolicyName, Limit>;
  maxTracked?: number;
} = {}): RateLimiter {
  const policies = Object.fromEntries(Object.entries(limits).map(([name, limit]) => [name, new TokenBuckets(limit, maxTracked)])) as Record<
    PolicyName,
    TokenBuckets
  >;
  return {
    take(charges, now) {
      const refused = charges.filter(([name, id]) => policies[name].tokens(id, now) < 1);
      if (refused.length === 0) for (const [name, id] of charges) policies[name].take(id, now);
      for (const buckets of Object.values(policies)) buckets.sweep(now);
      const policy: string[] = [];
      const state: string[] = [];
      for (const [name, id] of charges) {
        const { burst, perMinute } = policies[name].limit;
        const s = policies[name].state(id, now);
        policy.push(`"${name}";q=${burst};w=${Math.round((burst * 60) / perMinute)}`);
        state.push(`"${name}";r=${s.remaining};t=${s.resetSeconds}`);
      }
      return {
        refused: refused.map(([name]) => name),
        retryAfter: Math.max(0, ...refused.map(([name, id]) => policies[name].state(id, now).retrySeconds)),
        headers: { 'RateLimit-Policy': policy.join(', '), RateLimit: state.join(', ') },
      };
    },
    tracked: () => Object.values(policies).reduce((n, p) => n + p.size, 0),
  };
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * Charges each API request to its buckets: its address's, and its key's when
 * the key is known, else its address's unknown-key bucket; writes to the write
 * buckets as well. Preflights are free. A refusal is a 429 problem with
 * `Retry-After`; every answer carries `RateLimit` and `RateLimit-Policy`.
 */
export function rateLimit(
  limiter: RateLimiter,
  { tenants, now, needsKey }: { tenants: TenantRegistry; now: () => number; needsKey: (path: string) => boolean },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const address = addressBucket(c.get('clientAddress'));
    const charges: [PolicyName, string][] = [['address', address]];
    if (needsKey(c.req.path)) {
      const write = !SAFE.has(c.req.method);
      const { key } = presentedKey(c);
      if (write) charges.push(['address-write', address]);
      if (key && tenants.byKey(key)) {
        charges.push(['key', key]);
        if (write) charges.push(['key-write', key]);
      } else {
        charges.push(['unknown-key', address]);
      }
    }
    const verdict = limiter.take(charges, now());
    if (verdict.refused.length > 0) {
      throw new Problem({
        status: 429,
        code: 'rate-limited',
        title: 'Too many requests',
        detail: `Too many requests (${verdict.refused.join(', ')}). Try again in ${verdict.retryAfter} s.`,
        headers: { 'Retry-After': String(verdict.retryAfter), ...verdict.headers },
      });
    }
    await next();
    for (const [name, value] of Object.entries(verdict.headers)) c.res.headers.set(name, value);
  };
}

/** The bucket of an address: IPv4 as is, IPv6 by its /64 (what one subscriber gets), IPv4-mapped IPv6 as IPv4. */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]?.toLowerCase().split('::') ?? [];
  const groups = head ? head.split(':') : [];
  if (tail !== undefined) {
    const rest = tail ? tail.split(':') : [];
    groups.push(...Array<string>(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest);
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The last hop of X-Forwarded-For: the address our own proxy saw (earlier hops are the client's to write). */
export function forwardedFor(header: string | undefined): string | undefined {
  const last = header?.split(',').at(-1)?.trim();
  return last || undefined;
}
