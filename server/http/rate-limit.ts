import type { MiddlewareHandler } from 'hono';
import { isStoreUnavailable } from '../store/unavailable';
import type { TenantRegistry } from '../tenants';
import { presentedKey } from './auth';
import type { AppEnv } from './env';
import { networkOf } from './keyed-hash';
import { Problem } from './problem';
import { bucketState, type Limit, TokenBuckets } from './token-buckets';

export type PolicyName = 'address' | 'address-write' | 'unknown-key' | 'key' | 'key-write' | 'lead' | 'lead-tenant';

/**
 * Every limit, for the whole API: on PostgreSQL every instance draws on the
 * same buckets (server/store/pg-rate-limits.ts); on memory and SQLite, one
 * process holds them (several processes on one SQLite file would each let
 * through as much). Why these numbers:
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
 * - `lead` and `lead-tenant`, leads stored (server/http/lead-limit.ts): each
 *   becomes an email to the team, so a form that leaves them is a spam cannon
 *   unless it is tight. A person asks for the team once or twice a visit, so 5
 *   an hour per visitor's network leaves room for a second thought and a
 *   colleague at the same office; 30 an hour per tenant is more than a
 *   caterer's team answers in an hour, and caps what a flood from many
 *   addresses can send them. Both refill evenly over the hour. Raised for a
 *   deployment (or a test suite driving the chat from loopback) with
 *   TEPPAN_LEAD_LIMITS (see `leadLimitsFromEnv`).
 */
export const LIMITS: Record<PolicyName, Limit> = {
  address: { burst: 2400, perMinute: 2400 },
  'address-write': { burst: 600, perMinute: 600 },
  'unknown-key': { burst: 20, perMinute: 20 },
  key: { burst: 6000, perMinute: 6000 },
  'key-write': { burst: 3000, perMinute: 3000 },
  lead: perHour(5),
  'lead-tenant': perHour(30),
};

/** A bucket of `n`, refilled evenly over an hour. */
function perHour(n: number): Limit {
  return { burst: n, perMinute: n / 60 };
}

/**
 * TEPPAN_LEAD_LIMITS=`visitor,tenant`: leads an hour per visitor's network and
 * per tenant (default `5,30`). A deployment-wide setting rather than a
 * tenant's: the buckets are the API's, and one operator runs it for every
 * tenant. A malformed value stops the start (a limit silently off is worse).
 */
export function leadLimitsFromEnv(env: Record<string, string | undefined>): Partial<Record<PolicyName, Limit>> {
  const value = env.TEPPAN_LEAD_LIMITS;
  if (!value) return {};
  const [visitor, tenant, ...rest] = value.split(',').map((n) => Number(n.trim()));
  const whole = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;
  if (!whole(visitor) || !whole(tenant) || rest.length > 0)
    throw new Error('TEPPAN_LEAD_LIMITS: two whole numbers above 0, leads an hour per visitor and per tenant, e.g. 5,30.');
  return { lead: perHour(visitor), 'lead-tenant': perHour(tenant) };
}

/** Buckets held per policy at most: ~150 bytes each, so a few MB whatever the flood. */
const MAX_TRACKED = 20_000;

/** A bucket a request draws on: the policy and whose bucket (an address's network, a key). */
export type Charge = [PolicyName, string];

/** What a take found: whether it took a token from every bucket, and the tokens each holds now, in the order charged. */
export interface Taken {
  taken: boolean;
  tokens: number[];
}

/**
 * Token buckets behind the `rateLimit` middleware: in this process's memory
 * (`createRateLimiter`), or in PostgreSQL, shared by every instance on it
 * (server/store/pg-rate-limits.ts). A limiter that cannot reach its buckets
 * rejects: a request is never let through unlimited because they are gone.
 */
export interface RateLimiter {
  /** Each policy's burst and refill (for the headers). */
  readonly limits: Record<PolicyName, Limit>;
  /**
   * Takes a token from each bucket named (each named once), or from none
   * when any has less than one: all or nothing.
   */
  take(charges: Charge[]): Promise<Taken>;
  /** Gives back the tokens `take` took from these buckets (a write that stored nothing), never past a burst: the tokens each holds then. */
  refund(charges: Charge[]): Promise<number[]>;
}

export interface MemoryRateLimiter extends RateLimiter {
  /** Buckets held, across policies (for tests of the memory bound). */
  tracked(): number;
}

/** The limiter of one process: its buckets in memory, bounded whatever the flood (see `TokenBuckets`). */
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
} = {}): MemoryRateLimiter {
  const policies = Object.fromEntries(Object.entries(limits).map(([name, limit]) => [name, new TokenBuckets(limit, maxTracked)])) as Record<
    PolicyName,
    TokenBuckets
  >;
  return {
    limits,
    async take(charges) {
      const t = now();
      const taken = charges.every(([name, id]) => policies[name].tokens(id, t) >= 1);
      if (taken) for (const [name, id] of charges) policies[name].take(id, t);
      for (const buckets of Object.values(policies)) buckets.sweep(t);
      return { taken, tokens: charges.map(([name, id]) => policies[name].tokens(id, t)) };
    },
    async refund(charges) {
      const t = now();
      return charges.map(([name, id]) => policies[name].refund(id, t));
    },
    tracked: () => Object.values(policies).reduce((n, p) => n + p.size, 0),
  };
}

/** `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers) for these buckets holding these tokens. */
function rateLimitHeaders(limits: Record<PolicyName, Limit>, charges: Charge[], tokens: number[]): Record<string, string> {
  const policy: string[] = [];
  const state: string[] = [];
  charges.forEach(([name], i) => {
    const { burst, perMinute } = limits[name];
    const s = bucketState(limits[name], tokens[i] ?? burst);
    policy.push(`"${name}";q=${burst};w=${Math.round((burst * 60) / perMinute)}`);
    state.push(`"${name}";r=${s.remaining};t=${s.resetSeconds}`);
  });
  return { 'RateLimit-Policy': policy.join(', '), RateLimit: state.join(', ') };
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
    const calls: Charge[] = [['address', network]];
    const writes: Charge[] = [];
    if (needsKey(c.req.path)) {
      const { key } = presentedKey(c);
      const known = key !== undefined && tenants.byKey(key) !== undefined;
      calls.push(known ? ['key', key] : ['unknown-key', network]);
      if (!SAFE.has(c.req.method)) writes.push(['address-write', network], ...(known ? [['key-write', key] as Charge] : []));
    }
    const charges = [...calls, ...writes];
    let counted: Taken;
    try {
      counted = await limiter.take(charges);
    } catch (error) {
      // The buckets' database is down: a call that needs no key (health) still answers, saying what is down;
      // every other call needs that database anyway and gets its 503.
      if (needsKey(c.req.path) || !isStoreUnavailable(error)) throw error;
      return next();
    }
    const { taken, tokens } = counted;
    const headers = (held: number[]) => rateLimitHeaders(limiter.limits, charges, held);
    if (!taken) {
      const empty = charges.flatMap(([name], i) => {
        const left = tokens[i] ?? 0;
        return left < 1 ? [{ name, wait: bucketState(limiter.limits[name], left).retrySeconds }] : [];
      });
      const retryAfter = Math.max(...empty.map((e) => e.wait));
      throw new Problem({
        status: 429,
        code: 'rate-limited',
        title: 'Too many requests',
        detail: `Too many requests (${empty.map((e) => e.name).join(', ')}). Try again in ${retryAfter} s.`,
        headers: { 'Retry-After': String(retryAfter), ...headers(tokens) },
      });
    }
    await next();
    // Only what is stored counts against the write allowances: a refused or failed write gives its tokens back.
    const stored = writes.length === 0 || c.res.status < 400;
    const held = stored ? tokens : [...tokens.slice(0, calls.length), ...(await refunded(limiter, writes, tokens.slice(calls.length)))];
    for (const [name, value] of Object.entries(headers(held))) c.res.headers.set(name, value);
  };
}

/**
 * A write's tokens given back, or as they were when the limiter cannot be
 * reached (its database gone since the take): the answer is made by then,
 * and losing a token costs the visitor less than losing that answer.
 */
async function refunded(limiter: RateLimiter, writes: Charge[], before: number[]): Promise<number[]> {
  try {
    return await limiter.refund(writes);
  } catch (error) {
    console.error(`[teppan] rate limits: a write's tokens could not be given back: ${error instanceof Error ? error.message : String(error)}`);
    return before;
  }
}

/** The last hop of X-Forwarded-For: the address our own proxy saw (earlier hops are the client's to write). */
export function forwardedFor(header: string | undefined): string | undefined {
  const last = header?.split(',').at(-1)?.trim();
  return last || undefined;
}
