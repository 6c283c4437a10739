import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pgMigrations } from '../../server/store/pg-migrate';
import type { Booking } from '../../src/contract';
import { adminBookings, bookableDate, bookingBody, createQuote, json } from '../support/fixtures';
import { freshDatabase } from '../support/pg-schema';
import { startServer, type TestServer } from '../support/server';

/**
 * Three instances of the real server (server/main.ts, as `npm run server` runs
 * it) started at once on one fresh PostgreSQL database from the run's cluster
 * (test/support/postgres-setup.ts), with requests spread over them.
 */
let servers: TestServer[] = [];
let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase(inject('postgresUrl'));
  servers = await Promise.all([1, 2, 3].map(() => startServer({ TEPPAN_DB: db.url })));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.drop();
});

const on = (i: number) => (servers[i % servers.length] as TestServer).url;
const book = (i: number, body: unknown, key: string) => fetch(`${on(i)}/api/v1/bookings`, json(body, { 'idempotency-key': key }));

describe('several instances on one PostgreSQL', () => {
  it('made the schema once between them', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version FROM schema_migrations').finally(() => client.end());
    expect(rows.map((r) => r.version).sort()).toEqual(pgMigrations().map((m) => m.version));
  });

  it('book a 3-team seating exactly 3 times when 30 parties ask across the instances at once', async () => {
    const date = bookableDate(3);
    const quotes = await Promise.all(Array.from({ length: 30 }, (_, i) => createQuote(on(i), { eventDate: date })));
    const slotId = `${date}T12:00`;
    const statuses = (await Promise.all(quotes.map((q, i) => book(i, bookingBody(q, slotId, `Guest ${i}`), crypto.randomUUID())))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(27);
    for (let i = 0; i < servers.length; i++) expect((await adminBookings(on(i))).filter((b) => b.slotId === slotId)).toHaveLength(3);
  });

  it('replay a key on another instance, and refuse it there with another body', async () => {
    const quote = await createQuote(on(0), { eventDate: bookableDate(4) });
    const key = crypto.randomUUID();
    const first = await book(0, bookingBody(quote, `${quote.eventDate}T18:00`), key);
    expect(first.status).toBe(201);
    const again = await book(1, bookingBody(quote, `${quote.eventDate}T18:00`), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Booking).id).toBe(((await first.json()) as Booking).id);
    const other = await book(2, bookingBody(quote, `${quote.eventDate}T20:30`), key);
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'idempotency-key-reused' });
  });

  it('take over the key of a request whose instance was killed holding it, within 60 s, and book once; a restarted instance joins', async () => {
    const quote = await createQuote(on(0), { eventDate: bookableDate(5) });
    const key = crypto.randomUUID();
    const body = bookingBody(quote, `${quote.eventDate}T12:00`);
    const doomed = servers[0] as TestServer;
    // The request is held on the doomed instance after its key is claimed, as a slow request would be.
    await doomed.arm({ method: 'POST', path: '/api/v1/bookings', idempotencyKey: key, delayMs: 120_000 });
    const lost = book(0, body, key).catch(() => undefined);
    // Read in the database itself: a probe through the API would claim the key if it came first.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const claimed = async () => (await client.query('SELECT 1 FROM idempotency WHERE key = $1', [key])).rowCount === 1;
      for (let tries = 0; !(await claimed()); tries++) {
        expect(tries, 'the doomed instance never claimed the key').toBeLessThan(300);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await client.end();
    }
    expect((await book(1, body, key)).status).toBe(409);
    expect((await doomed.signal('SIGKILL')).signal).toBe('SIGKILL');
    await lost;
    const killedAt = performance.now();
    let res = await book(1, body, key);
    while (res.status === 409 && performance.now() - killedAt < 60_000) {
      await new Promise((r) => setTimeout(r, 1_000));
      res = await book(2, body, key);
    }
    expect(res.status, await res.clone().text()).toBe(201);
    expect(performance.now() - killedAt).toBeLessThan(60_000);
    const booking = (await res.json()) as Booking;
    // Restarted on the schema the others made, it reads the booking and replays the key.
    servers[0] = await startServer({ TEPPAN_DB: db.url });
    const replayed = await book(0, body, key);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replayed.json()) as Booking).id).toBe(booking.id);
    const ofQuote = (await adminBookings(on(0))).filter((b) => (b as { quoteId?: string }).quoteId === quote.id);
    expect(ofQuote.map((b) => b.id)).toEqual([booking.id]);
  }, 120_000);

  it('answer a retry with the booking its dead request made before it could keep its answer', async () => {
    const quote = await createQuote(on(0), { eventDate: bookableDate(6) });
    const key = crypto.randomUUID();
    const body = bookingBody(quote, `${quote.eventDate}T12:00`);
    const first = await book(0, body, key);
    expect(first.status).toBe(201);
    const made = (await first.json()) as Booking;
    // As if its instance died between the booking's commit and keeping the answer: the claim unfinished, its lease run out.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('UPDATE idempotency SET status = NULL, body = NULL, location = NULL, lease_until = 0 WHERE key = $1', [key]).finally(() => client.end());
    const retried = await book(1, body, key);
    expect(retried.status).toBe(201);
    expect(((await retried.json()) as Booking).id).toBe(made.id);
    // Another key for the same quote is still refused: the quote has its booking.
    expect((await book(2, body, crypto.randomUUID())).status).toBe(409);
    const ofQuote = (await adminBookings(on(0))).filter((b) => (b as { quoteId?: string }).quoteId === quote.id);
    expect(ofQuote).toHaveLength(1);
  });

  it('stop on SIGTERM within 10 s, finishing the request in flight and taking no new one', async () => {
    const leaving = await startServer({ TEPPAN_DB: db.url });
    const quote = await createQuote(on(1), { eventDate: bookableDate(5) });
    const key = crypto.randomUUID();
    await leaving.arm({ method: 'POST', path: '/api/v1/bookings', idempotencyKey: key, delayMs: 2_000 });
    const inFlight = fetch(`${leaving.url}/api/v1/bookings`, json(bookingBody(quote, `${quote.eventDate}T18:00`), { 'idempotency-key': key }));
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    const exited = leaving.signal('SIGTERM');
    expect((await inFlight).status).toBe(201);
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(performance.now() - started).toBeLessThan(10_000);
    await expect(fetch(`${leaving.url}/api/v1/health`)).rejects.toThrow();
  });
});
