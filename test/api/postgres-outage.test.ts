import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, ProblemDetails, Quote } from '../../src/contract';
import { adminBookings, bookableDate, bookingBody, createQuote, json } from '../support/fixtures';
import { type Postgres, startPostgres } from '../support/postgres';
import { startServer, type TestServer } from '../support/server';

/**
 * PostgreSQL going away under running instances, and coming back. A cluster
 * of its own (the run's shared one cannot be stopped under other files), two
 * instances of the real server on it.
 */
let db: Postgres;
let servers: TestServer[] = [];
beforeAll(async () => {
  db = await startPostgres();
  servers = await Promise.all([1, 2].map(() => startServer({ TEPPAN_DB: db.url })));
}, 90_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  db?.stop();
});

const on = (i: number) => (servers[i % servers.length] as TestServer).url;
const quoteOn = (url: string) => fetch(`${url}/api/v1/quotes`, json({ adults: 10, eventDate: bookableDate(5), zip: '90012' }));
const health = (url: string) => fetch(`${url}/api/v1/health`);

/** Calls `attempt` every half second until it answers `status`, for at most `withinMs`; the answer and how long it took. */
async function until(status: number, attempt: () => Promise<Response>, withinMs: number) {
  const started = performance.now();
  for (;;) {
    const res = await attempt().catch(() => undefined);
    if (res?.status === status || performance.now() - started > withinMs) return { res, ms: performance.now() - started };
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A 503 problem that says to come back, and when. */
async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(10);
  return (await res.json()) as ProblemDetails & { dependency?: string };
}

describe('PostgreSQL down and back', () => {
  it('answers 503 with Retry-After within 10 s, says the database is down on /health, and takes writes again once it is back, losing nothing', async () => {
    const before = await createQuote(on(0), { eventDate: bookableDate(6) });
    const kept = await fetch(`${on(0)}/api/v1/bookings`, json(bookingBody(before, `${before.eventDate}T12:00`), { 'idempotency-key': crypto.randomUUID() }));
    expect(kept.status).toBe(201);
    const keptId = ((await kept.json()) as Booking).id;
    const quote = await createQuote(on(1), { eventDate: bookableDate(6) });

    db.pause();
    for (let i = 0; i < servers.length; i++) {
      const started = performance.now();
      const refused = await quoteOn(on(i));
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(await expectUnavailable(refused)).toMatchObject({ code: 'database-unavailable' });
      const down = await health(on(i));
      expect((await expectUnavailable(down)).dependency).toBe('database');
    }
    const key = crypto.randomUUID();
    const book = (i: number) => fetch(`${on(i)}/api/v1/bookings`, json(bookingBody(quote, `${quote.eventDate}T18:00`), { 'idempotency-key': key }));
    await expectUnavailable(await book(0));

    db.resume();
    // The same intent, retried as the SDK would, on the other instance: it goes through once the database is back.
    const { res: booked, ms } = await until(201, () => book(1), 30_000);
    expect(booked?.status, `still ${booked?.status} ${ms} ms after PostgreSQL came back`).toBe(201);
    expect(ms).toBeLessThan(30_000);
    if (!booked) return;
    const made = ((await booked.json()) as Booking).id;
    for (let i = 0; i < servers.length; i++) {
      expect((await until(200, () => health(on(i)), 30_000)).res?.status).toBe(200);
      expect((await quoteOn(on(i))).status).toBe(201);
    }
    const ids = (await adminBookings(on(0))).map((b) => b.id);
    expect(ids).toContain(keptId);
    expect(ids.filter((id) => id === made)).toHaveLength(1);
    // The key refused during the outage kept nothing: a replay gives the booking made after it.
    const again = await book(0);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Booking).id).toBe(made);
  }, 90_000);

  it('starts an instance while PostgreSQL is down, answering 503, and serves once it is back without a restart', async () => {
    db.pause();
    let late: TestServer | undefined;
    try {
      late = await startServer({ TEPPAN_DB: db.url });
      await expectUnavailable(await health(late.url));
      await expectUnavailable(await quoteOn(late.url));
    } finally {
      db.resume();
    }
    if (!late) return;
    try {
      const { res, ms } = await until(201, () => quoteOn(late.url), 30_000);
      expect(res?.status, `still ${res?.status} after ${ms} ms`).toBe(201);
      const quote = (await res?.json()) as Quote;
      // It runs on the schema and data the others made: a quote made here is read on another instance.
      expect((await fetch(`${on(0)}/api/v1/quotes/${quote.id}?key=pk_test_demo`)).status).toBe(200);
      expect((await health(late.url)).status).toBe(200);
    } finally {
      await late.stop();
    }
  }, 90_000);
});
