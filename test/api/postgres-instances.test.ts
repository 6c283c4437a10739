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
});
