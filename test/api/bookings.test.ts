import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Availability, Booking } from '../../src/contract';
import { adminBookings, bookableDate, bookingBody, createQuote, json, PK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
afterEach(() => server.reset());

const post = (body: unknown, key?: string) => fetch(`${server.url}/api/v1/bookings`, json(body, key ? { 'idempotency-key': key } : {}));
const key = () => crypto.randomUUID();

describe('capacity', () => {
  it('of 50 parallel bookings for one seating with 3 chef teams, exactly 3 are created and 47 get 409', async () => {
    // Fifty parties, each with its own quote (a quote makes one booking).
    const quotes = await Promise.all(Array.from({ length: 50 }, () => createQuote(server.url)));
    const quote = quotes[0] ?? expect.fail('quoted');
    const slotId = `${quote.eventDate}T12:00`;
    const responses = await Promise.all(quotes.map((q, i) => post(bookingBody(q, slotId, `Guest ${i}`), key())));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(47);
    const conflict = await responses.find((r) => r.status === 409)?.json();
    expect(conflict).toMatchObject({ status: 409, code: 'seating-full', detail: expect.stringMatching(/taken/) });
    expect((await adminBookings(server.url)).filter((b) => b.slotId === slotId)).toHaveLength(3);

    const res = await fetch(`${server.url}/api/v1/availability?key=${PK}&from=${quote.eventDate}&to=${quote.eventDate}&guests=10`);
    const availability = (await res.json()) as Availability;
    expect(availability.days[0]?.slots.find((s) => s.id === slotId)).toMatchObject({ remaining: 0, capacity: 3 });
  });
});

describe('idempotency', () => {
  it('replays the first response for a repeated key and body', async () => {
    const quote = await createQuote(server.url);
    const k = key();
    const first = await post(bookingBody(quote, `${quote.eventDate}T15:00`), k);
    const again = await post(bookingBody(quote, `${quote.eventDate}T15:00`), k);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Booking).id).toBe(((await first.json()) as Booking).id);
  });

  it('refuses the same key with a different body with 422', async () => {
    const quote = await createQuote(server.url);
    const k = key();
    expect((await post(bookingBody(quote, `${quote.eventDate}T18:00`), k)).status).toBe(201);
    const res = await post(bookingBody(quote, `${quote.eventDate}T20:30`), k);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'idempotency-key-reused' });
  });

  it('answers 409 with Retry-After while the first request with the key is still running', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(8) });
    await server.arm({ method: 'POST', path: '/api/v1/bookings', delayMs: 1500, times: 1 });
    const k = key();
    const first = post(bookingBody(quote, `${quote.eventDate}T18:00`), k);
    await expect.poll(async () => (await server.seen({ method: 'POST', path: '/api/v1/bookings' })).length).toBe(1);
    const second = await post(bookingBody(quote, `${quote.eventDate}T18:00`), k);
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(await second.json()).toMatchObject({ code: 'idempotency-in-flight' });
    expect((await first).status).toBe(201);
  });

  it('requires an Idempotency-Key on booking creation', async () => {
    const quote = await createQuote(server.url);
    const res = await post(bookingBody(quote, `${quote.eventDate}T18:00`));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'idempotency-key-required', detail: expect.stringMatching(/Idempotency-Key/) });
  });

  it('frees a key whose request created nothing: after a full seating, the same intent can pick another', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(9) });
    const slot = `${quote.eventDate}T12:00`;
    for (let i = 0; i < 3; i++) {
      const other = await createQuote(server.url, { eventDate: quote.eventDate });
      expect((await post(bookingBody(other, slot), key())).status).toBe(201);
    }
    const k = key();
    expect((await post(bookingBody(quote, slot), k)).status).toBe(409);
    expect((await post(bookingBody(quote, `${quote.eventDate}T15:00`), k)).status).toBe(201);
  });
});

describe('reading bookings', () => {
  it('shows a booking to its publishable key without contact details, and everything to the secret key', async () => {
    const quote = await createQuote(server.url);
    const created = (await (await post(bookingBody(quote, `${quote.eventDate}T20:30`), key())).json()) as Booking;
    expect(created).toMatchObject({ status: 'pending_deposit', totalCents: quote.totalCents, depositCents: 10_000, amountDueCents: 10_000 });
    expect(Date.parse(created.holdExpiresAt) - Date.parse(created.createdAt)).toBe(15 * 60_000);

    const pub = await (await fetch(`${server.url}/api/v1/bookings/${created.id}?key=${PK}`)).json();
    expect(pub).toEqual(created);
    expect(pub).not.toHaveProperty('customer');
    const all = await adminBookings(server.url);
    expect(all.find((b) => b.id === created.id)).toMatchObject({ customer: { name: 'Ann Lee', email: 'ann@example.com' } });
  });

  it('answers 404 for an unknown booking', async () => {
    const res = await fetch(`${server.url}/api/v1/bookings/bk_unknown000000000000000?key=${PK}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
