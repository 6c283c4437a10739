// `node --import tsx bench/rate-limits.ts`: what a request's rate-limit take
// costs, in this process's memory and in PostgreSQL (one round trip on
// loopback), one take after another. PostgreSQL is a throwaway cluster (durability
// off, as the tests run it), or the database TEPPAN_DB names (its schema migrated,
// its rate_limits rows for the bench's own ids left to the clean-up).
import pg from 'pg';
import { type Charge, createRateLimiter, type RateLimiter } from '../server/http/rate-limit';
import { migratePg } from '../server/store/pg-migrate';
import { createPgRateLimiter } from '../server/store/pg-rate-limits';
import { startPostgres } from '../test/support/postgres';

const TAKES = 2_000;
const WARM_UP = 200;

/** A read and a write of one visitor with a known key: the buckets a request draws on. */
const visitor = (n: number): Record<string, Charge[]> => ({
  read: [
    ['address', `bench-${n}`],
    ['key', 'pk_bench'],
  ],
  write: [
    ['address', `bench-${n}`],
    ['key', 'pk_bench'],
    ['address-write', `bench-${n}`],
    ['key-write', 'pk_bench'],
  ],
});

/** Median and p99 of `call`, in µs; `call(i)` is the i-th. */
async function measure(call: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + TAKES; i++) {
    const started = process.hrtime.bigint();
    await call(i);
    if (i >= WARM_UP) times.push(Number(process.hrtime.bigint() - started) / 1_000);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
  return `median ${at(0.5)} µs, p99 ${at(0.99)} µs`;
}

const cluster = process.env.TEPPAN_DB ? undefined : await startPostgres();
const pool = new pg.Pool({ connectionString: process.env.TEPPAN_DB ?? cluster?.url, max: 10 });
try {
  await migratePg(pool, 'public');
  const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
  console.log(`${TAKES} takes one after another (after ${WARM_UP} to warm up), PostgreSQL ${rows[0]?.server_version} on loopback:`);
  console.log(`  a round trip (SELECT 1): ${await measure(() => pool.query('SELECT 1'))}`);
  // A visitor every 100 takes: buckets are made as well as updated, and none runs dry.
  const takes = (limiter: RateLimiter, kind: string) => measure((i) => limiter.take(visitor(Math.floor(i / 100))[kind] as Charge[]));
  for (const kind of ['read', 'write']) {
    const buckets = visitor(0)[kind]?.length;
    console.log(`  take, ${kind} (${buckets} buckets), memory: ${await takes(createRateLimiter(), kind)}`);
    console.log(`  take, ${kind} (${buckets} buckets), PostgreSQL: ${await takes(createPgRateLimiter(pool), kind)}`);
  }
} finally {
  await pool.end();
  cluster?.stop();
}
