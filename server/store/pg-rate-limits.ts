import type pg from 'pg';
import { type Charge, LIMITS, type PolicyName, type RateLimiter } from '../http/rate-limit';
import type { Limit } from '../http/token-buckets';

/** Each bucket's policy, id, burst and refill (tokens a second), as the migration's functions take them. */
const bucketsOf = (limits: Record<PolicyName, Limit>, charges: Charge[]) => [
  charges.map(([name]) => name),
  charges.map(([, id]) => id),
  charges.map(([name]) => limits[name].burst),
  charges.map(([name]) => limits[name].perMinute / 60),
];
const BUCKETS = '$1::text[], $2::text[], $3::float8[], $4::float8[]';

/**
 * The rate limiter of an API run as several instances on one PostgreSQL: the
 * buckets are rows (migration 0004_rate_limits), so the instances share one
 * budget rather than each letting through a budget of its own. A take or a
 * refund is one call of a function that does it all in the database, on the
 * database's clock: one round trip, all or nothing, and never two instances
 * deciding on the same reading. When the database cannot be reached, both
 * reject with its error (within the pool's timeouts).
 */
export function createPgRateLimiter(pool: pg.Pool, { limits = LIMITS }: { limits?: Record<PolicyName, Limit> } = {}): RateLimiter {
  return {
    limits,
    async take(charges) {
      const { rows } = await pool.query<{ taken: boolean; tokens: number[] }>(
        `SELECT taken, tokens FROM rate_limit_take(${BUCKETS})`,
        bucketsOf(limits, charges),
      );
      const [taken] = rows;
      if (!taken) throw new Error('rate_limit_take answered no row');
      return taken;
    },
    async refund(charges) {
      const { rows } = await pool.query<{ tokens: number[] }>(`SELECT rate_limit_refund(${BUCKETS}) AS tokens`, bucketsOf(limits, charges));
      return rows[0]?.tokens ?? [];
    },
  };
}
