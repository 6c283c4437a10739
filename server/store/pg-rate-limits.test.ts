import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from '../../test/support/pg-schema';
import { type Charge, LIMITS, type PolicyName, type RateLimiter } from '../http/rate-limit';
import { bucketState, type Limit } from '../http/token-buckets';
import { migratePg } from './pg-migrate';
import { createPgRateLimiter } from './pg-rate-limits';

/**
 * The PostgreSQL rate limiter as two API instances use it: two pools on one
 * fresh database of the run's cluster (test/support/postgres-setup.ts).
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;
let pools: [pg.Pool, pg.Pool];
beforeAll(async () => {
  db = await freshDatabase(inject('postgresUrl'));
  pools = [new pg.Pool({ connectionString: db.url, max: 10 }), new pg.Pool({ connectionString: db.url, max: 10 })];
  await migratePg(pools[0], 'public');
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await db.drop();
});

/** A limiter on each instance, with these limits over the real ones. */
const instances = (limits: Partial<Record<PolicyName, Limit>> = {}): [RateLimiter, RateLimiter] => [
  createPgRateLimiter(pools[0], { limits: { ...LIMITS, ...limits } }),
  createPgRateLimiter(pools[1], { limits: { ...LIMITS, ...limits } }),
];
/** A bucket id no other test uses. */
const fresh = () => `net-${crypto.randomUUID()}`;
/** Refills so slowly that a test's run adds nothing worth counting. */
const slow = (burst: number): Limit => ({ burst, perMinute: 0.001 });
const rows = async (id: string) => (await pools[0].query('SELECT policy FROM rate_limits WHERE id = $1', [id])).rowCount;

describe('the PostgreSQL rate limiter', () => {
  it('is one budget for two instances: a burst of 20 is 10 on each, then the 21st is refused with a wait of a few seconds', async () => {
    const [a, b] = instances();
    const guesser: Charge = ['unknown-key', fresh()];
    for (let i = 0; i < 10; i++) {
      expect((await a.take([guesser])).taken).toBe(true);
      expect((await b.take([guesser])).taken).toBe(true);
    }
    const refused = await a.take([guesser]);
    expect(refused.taken).toBe(false);
    const retryAfter = bucketState(LIMITS['unknown-key'], refused.tokens[0] ?? 0).retrySeconds;
    // One guess every 3 s: the wait is 3 s less what refilled since the 20th.
    expect(retryAfter).toBeGreaterThanOrEqual(2);
    expect(retryAfter).toBeLessThanOrEqual(3);
    expect((await b.take([guesser])).taken).toBe(false);
  });

  it('takes from every bucket or from none', async () => {
    const [a, b] = instances({ address: slow(5), 'unknown-key': slow(2) });
    const network = fresh();
    const both: Charge[] = [
      ['address', network],
      ['unknown-key', network],
    ];
    expect((await a.take(both)).taken).toBe(true);
    expect((await b.take(both)).taken).toBe(true);
    const refused = await a.take(both);
    expect(refused.taken).toBe(false);
    // The address bucket kept the token the refused take did not use.
    expect(refused.tokens[0]).toBeCloseTo(3, 2);
    expect(refused.tokens[1]).toBeCloseTo(0, 2);
    const other = await b.take([['address', network]]);
    expect(other.taken).toBe(true);
    expect(other.tokens[0]).toBeCloseTo(2, 2);
  });

  it('gives a token back, never past the burst', async () => {
    const [a, b] = instances({ 'address-write': slow(5) });
    const writer: Charge = ['address-write', fresh()];
    for (let i = 0; i < 3; i++) await a.take([writer]);
    expect((await b.refund([writer]))[0]).toBeCloseTo(3, 2);
    for (let i = 0; i < 4; i++) await a.refund([writer]);
    expect((await b.take([writer])).tokens[0]).toBeCloseTo(4, 2);
    // A bucket never drawn on is full already.
    expect(await a.refund([['address-write', fresh()]])).toEqual([5]);
  });

  it('never lets more than the burst through when 50 take at once across both instances, each from two buckets in either order', async () => {
    const [a, b] = instances({ address: slow(30), 'unknown-key': slow(20) });
    const network = fresh();
    const takes = Array.from({ length: 50 }, (_, i) => {
      const charges: Charge[] = [
        ['address', network],
        ['unknown-key', network],
      ];
      // Half name the buckets the other way round: locks taken in the order given would deadlock.
      return (i % 2 ? a : b).take(i % 4 < 2 ? charges : charges.reverse());
    });
    const results = await Promise.all(takes);
    expect(results.filter((r) => r.taken)).toHaveLength(20);
    const left = await a.take([['address', network]]);
    expect(left.tokens[0]).toBeCloseTo(9, 2);
  });

  it('refills on the database clock', async () => {
    const [a, b] = instances({ 'unknown-key': { burst: 1, perMinute: 600 } });
    const guesser: Charge = ['unknown-key', fresh()];
    expect((await a.take([guesser])).taken).toBe(true);
    expect((await b.take([guesser])).taken).toBe(false);
    // A tenth of a second makes one token.
    await new Promise((r) => setTimeout(r, 150));
    expect((await b.take([guesser])).taken).toBe(true);
  });

  it('lets buckets that are full again go as takes come, a few at a time, and keeps the ones still refilling', async () => {
    const [a] = instances({ 'address-write': { burst: 20, perMinute: 6000 }, address: slow(10) });
    const idle = Array.from({ length: 10 }, fresh);
    await a.take(idle.map((id): Charge => ['address-write', id]));
    const busy = fresh();
    await a.take([['address', busy]]);
    const left = async () => (await Promise.all(idle.map(rows))).reduce((n: number, r) => n + (r ?? 0), 0);
    expect(await left()).toBe(10);
    // A hundredth of a second refills each idle one.
    await new Promise((r) => setTimeout(r, 50));
    await a.take([['address', busy]]);
    // Each take does a bounded share of the clean-up.
    expect(await left()).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < 5; i++) await a.take([['address', busy]]);
    expect(await left()).toBe(0);
    expect(await rows(busy)).toBe(1);
  });

  it('rejects when the database cannot be reached, rather than letting the request through', async () => {
    const unreachable = new pg.Pool({ connectionString: 'postgres://teppan@127.0.0.1:1/teppan', connectionTimeoutMillis: 2_000 });
    const limiter = createPgRateLimiter(unreachable);
    await expect(limiter.take([['address', fresh()]])).rejects.toThrow();
    await unreachable.end();
  });
});
