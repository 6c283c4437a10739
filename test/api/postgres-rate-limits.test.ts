import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LIMITS } from '../../server/http/rate-limit';
import { json } from '../support/fixtures';
import { freshDatabase } from '../support/pg-schema';
import { startServer, type TestServer } from '../support/server';

/**
 * Two instances of the real server (server/main.ts) on one fresh PostgreSQL
 * database: their rate limits are one budget, not one each. Both see the
 * test's requests come from loopback, one visitor.
 */
let servers: TestServer[] = [];
let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase(inject('postgresUrl'));
  servers = await Promise.all([1, 2].map(() => startServer({ TEPPAN_DB: db.url }, { startTimeoutMs: 25_000 })));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.drop();
});

const GUESSES = LIMITS['unknown-key'].burst;
const GUESS_EVERY_MS = 60_000 / LIMITS['unknown-key'].perMinute;
const guess = async (server: TestServer) => {
  const res = await fetch(`${server.url}/api/v1/catalog`, { headers: { authorization: 'Bearer pk_test_guess' } });
  await res.body?.cancel();
  return res;
};

describe('rate limits of two instances on one PostgreSQL', () => {
  it('answer 20 wrong-key guesses from one address between them, not 20 each', async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 2 * GUESSES }, (_, i) => guess(servers[i % 2] as TestServer)));
    const statuses = answers.map((r) => r.status);
    // Together no more than the burst (and what refilled while they ran).
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(GUESSES);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(GUESSES + Math.floor((Date.now() - started) / GUESS_EVERY_MS));
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    for (const server of servers) {
      const refusal = await guess(server);
      expect(refusal.status).toBe(429);
      expect(Number(refusal.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refusal.headers.get('retry-after'))).toBeLessThanOrEqual(GUESS_EVERY_MS / 1000);
      expect(refusal.headers.get('ratelimit')).toMatch(/"unknown-key";r=0;/);
    }
  });

  it('answer a handful of leads an hour from one visitor between them, not a handful each', async () => {
    const lead = (server: TestServer, i: number) =>
      fetch(`${server.url}/api/v1/leads`, json({ name: 'Ann', email: 'ann@example.com', question: `Lead ${i}` }, { 'idempotency-key': crypto.randomUUID() }));
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMITS.lead.burst; i++) statuses.push((await lead(servers[i % 2] as TestServer, i)).status);
    expect(statuses).toEqual([...Array(LIMITS.lead.burst).fill(201), ...Array(LIMITS.lead.burst).fill(429)]);
  });
});
