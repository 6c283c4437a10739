import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, Payment, Quote } from '../../src/contract';
import { addDays, bookableDates, parseSlotId } from '../../src/core/schedule';
import { adminListAll } from '../support/admin-list';
import { bookableDate, bookingBody, catalog, createQuote, json, PK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/**
 * The overbooking findings of issue 9, re-run as they were found against the
 * real server (`npm start`, chaos on for its clock): impossible dates, a quote
 * holding a whole day, holds renewed forever, replays that lie.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
afterEach(() => server.reset());

const HOLD_MS = catalog.booking.holdMinutes * 60_000;
const key = () => crypto.randomUUID();
const book = (body: unknown, k = key()) => fetch(`${server.url}/api/v1/bookings`, json(body, { 'idempotency-key': k }));
const advance = (ms: number) =>
  fetch(`${server.url}/__chaos/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
const adminBookings = async () => (await adminListAll(server.url, 'bookings')) as Booking[];

/** Every `YYYY-MM-DD` of days 29–31 in the bookable window's months that no calendar has. */
function impossibleDates(): string[] {
  const { first, last } = bookableDates(catalog, Date.now());
  const dates: string[] = [];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7); month = addDays(`${month}-28`, 7).slice(0, 7)) {
    for (const day of ['29', '30', '31']) if (!parseSlotId(`${month}-${day}T18:00`)) dates.push(`${month}-${day}`);
  }
  return dates;
}

describe('capacity holds under concurrency, as it did when tried', () => {
  it('100 parties booking one seating at once through two processes sharing one SQLite file: exactly its 3 chef teams', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teppan-overbook-'));
    const servers = await Promise.all([startServer({ TEPPAN_DB: join(dir, 'db') }), startServer({ TEPPAN_DB: join(dir, 'db') })]);
    try {
      const date = bookableDate(20);
      const quotes = await Promise.all(Array.from({ length: 100 }, (_, i) => createQuote(servers[i % 2]?.url ?? '', { eventDate: date })));
      const slotId = `${date}T18:00`;
      const statuses = await Promise.all(
        quotes.map(
          async (q, i) =>
            (await fetch(`${servers[i % 2]?.url}/api/v1/bookings`, json(bookingBody(q, slotId, `Party ${i}`), { 'idempotency-key': key() }))).status,
        ),
      );
      expect(statuses.filter((s) => s === 201)).toHaveLength(catalog.booking.teamsPerSeating);
      expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
      const all = (await adminListAll(servers[1]?.url ?? '', 'bookings')) as Booking[];
      expect(all.filter((b) => b.slotId === slotId)).toHaveLength(catalog.booking.teamsPerSeating);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('50 concurrent repeats of one booking request with one key make one booking, and every answer names it', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(21) });
    const k = key();
    const responses = await Promise.all(Array.from({ length: 50 }, () => book(bookingBody(quote, `${quote.eventDate}T12:00`), k)));
    const ids = new Set<string>();
    for (const r of responses) {
      // The first answers 201; the others replay it, or are told it is still in flight (409, Retry-After).
      expect([201, 409]).toContain(r.status);
      if (r.status === 201) ids.add(((await r.json()) as Booking).id);
      else expect(await r.json()).toMatchObject({ code: 'idempotency-in-flight' });
    }
    expect(ids.size).toBe(1);
    expect((await adminBookings()).filter((b) => b.quoteId === quote.id).map((b) => b.id)).toEqual([...ids]);
  });
});

describe('finding 1: a slot id names a real seating', () => {
  it('refuses days 29–31 of short months, which used to roll over into the next month and overbook it', async () => {
    const dates = impossibleDates();
    expect(dates.length).toBeGreaterThan(0);
    const before = (await adminBookings()).length;
    for (const date of dates) {
      const quote = await createQuote(server.url, { eventDate: bookableDate(10) });
      const res = await book(bookingBody(quote, `${date}T18:00`));
      expect(res.status, date).toBe(422);
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain('slotId');
    }
    expect(await adminBookings()).toHaveLength(before);
  });

  it('refuses a time that is not one of the seatings', async () => {
    const quote = await createQuote(server.url);
    expect((await book(bookingBody(quote, `${quote.eventDate}T18:01`))).status).toBe(422);
    expect((await book(bookingBody(quote, `${quote.eventDate}T07:00`))).status).toBe(422);
  });
});

describe('finding 2: one quote cannot hold a whole day', () => {
  it('books only on the quote’s own date, and says which date that is', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(10) });
    const res = await book(bookingBody(quote, `${bookableDate(40)}T18:00`));
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { field: string; detail: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'slotId', detail: expect.stringMatching(/^Your quote is for \w+day, /) })]);
  });

  it('a quote makes one live booking: every further one is a 409 naming the first', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(11) });
    const seatings = catalog.booking.seatings.flatMap((time) => Array.from({ length: catalog.booking.teamsPerSeating }, () => `${quote.eventDate}T${time}`));
    const responses = await Promise.all(seatings.map((slotId) => book(bookingBody(quote, slotId))));
    const created = responses.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const first = (await created[0]?.json()) as Booking;
    for (const r of responses.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(await r.json()).toMatchObject({ code: 'quote-booked', bookingId: first.id, detail: expect.stringContaining(first.id) });
    }
    expect((await adminBookings()).filter((b) => b.quoteId === quote.id).map((b) => b.id)).toEqual([first.id]);
  });

  it('a quote cannot renew its hold forever: three holds in all, then a new quote is needed', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(12) });
    const slot = (i: number) => `${quote.eventDate}T${catalog.booking.seatings[i % catalog.booking.seatings.length]}`;
    for (let i = 0; i < 3; i++) {
      expect((await book(bookingBody(quote, slot(i)))).status).toBe(201);
      await advance(HOLD_MS + 1000);
    }
    const res = await book(bookingBody(quote, slot(3)));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'quote-spent' });
    const fresh = await createQuote(server.url, { eventDate: quote.eventDate });
    expect((await book(bookingBody(fresh, slot(3)))).status).toBe(201);
  });

  it('one visitor may hold at most half of a day’s chef teams unpaid; the rest stay free for others', async () => {
    const date = bookableDate(13);
    const { seatings, teamsPerSeating } = catalog.booking;
    const half = Math.ceil((seatings.length * teamsPerSeating) / 2);
    const slots = seatings.flatMap((time) => Array.from({ length: teamsPerSeating }, () => `${date}T${time}`));
    for (const slotId of slots.slice(0, half)) {
      expect((await book(bookingBody(await createQuote(server.url, { eventDate: date }), slotId))).status).toBe(201);
    }
    const res = await book(bookingBody(await createQuote(server.url, { eventDate: date }), slots[half] ?? ''));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'too-many-holds', detail: expect.stringMatching(/Pay the deposit/) });
    const availability = await (await fetch(`${server.url}/api/v1/availability?key=${PK}&from=${date}&to=${date}&guests=10`)).json();
    const free = (availability as { days: { slots: { remaining: number }[] }[] }).days[0]?.slots.reduce((n, s) => n + s.remaining, 0);
    expect(free).toBe(slots.length - half);
  });
});

describe('finding 2, renewed: holds cannot be renewed forever', () => {
  it('a visitor who lets half a day’s holds lapse twice is refused more on that day until the next day', async () => {
    const date = bookableDate(30);
    const { seatings, teamsPerSeating } = catalog.booking;
    const half = Math.ceil((seatings.length * teamsPerSeating) / 2);
    const slots = seatings.flatMap((time) => Array.from({ length: teamsPerSeating }, () => `${date}T${time}`)).slice(0, half);
    const holdAll = async () =>
      await Promise.all(slots.map(async (slotId) => (await book(bookingBody(await createQuote(server.url, { eventDate: date }), slotId))).status));
    expect(await holdAll()).toEqual(slots.map(() => 201));
    await advance(HOLD_MS + 1000);
    expect(await holdAll()).toEqual(slots.map(() => 201));
    await advance(HOLD_MS + 1000);
    const res = await book(bookingBody(await createQuote(server.url, { eventDate: date }), slots[0] ?? ''));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'too-many-holds', detail: expect.stringMatching(/try again tomorrow/) });
    await advance(24 * 3_600_000);
    expect((await book(bookingBody(await createQuote(server.url, { eventDate: date }), slots[0] ?? ''))).status).toBe(201);
  });
});

describe('finding 4: a replay tells the truth', () => {
  it('a booking replayed after its hold expired reads expired, with its Location', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(14) });
    const k = key();
    const body = bookingBody(quote, `${quote.eventDate}T18:00`);
    const first = await book(body, k);
    expect(first.status).toBe(201);
    const created = (await first.json()) as Booking;
    await advance(HOLD_MS + 60_000);
    const again = await book(body, k);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/api/v1/bookings/${created.id}`);
    expect(await again.json()).toMatchObject({ id: created.id, status: 'expired' });
  });

  it('a payment start replayed after the card went through reads succeeded', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(15) });
    const booking = (await (await book(bookingBody(quote, `${quote.eventDate}T12:00`))).json()) as Booking;
    const k = key();
    const start = () => fetch(`${server.url}/api/v1/bookings/${booking.id}/payments`, json({}, { 'idempotency-key': k }));
    const payment = (await (await start()).json()) as Payment;
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2035, cvc: '123', postalCode: '90012' };
    const paid = await fetch(`${server.url}/api/v1/payments/${payment.id}/confirm`, json({ card }, { 'idempotency-key': key() }));
    expect(((await paid.json()) as Payment).status).toBe('succeeded');
    const again = await start();
    expect(again.status).toBe(201);
    expect(again.headers.get('location')).toBe(`/api/v1/payments/${payment.id}`);
    expect(await again.json()).toMatchObject({ id: payment.id, status: 'succeeded' });
  });
});

describe('storage is swept', () => {
  it('an expired quote is deleted a week after it expired', async () => {
    const quote = (await (await fetch(`${server.url}/api/v1/quotes`, json({ adults: 10, eventDate: bookableDate(20), zip: '90012' }))).json()) as Quote;
    const read = () => fetch(`${server.url}/api/v1/quotes/${quote.id}?key=${PK}`);
    await advance(Date.parse(quote.expiresAt) - Date.now() + 6 * 86_400_000);
    expect((await read()).status).toBe(200);
    await advance(2 * 86_400_000);
    await read(); // the sweep runs after a response
    expect((await read()).status).toBe(404);
  });

  it('an idempotency key is forgotten after 24 hours', async () => {
    const k = key();
    const quote = (body: unknown) => fetch(`${server.url}/api/v1/quotes`, json(body, { 'idempotency-key': k }));
    expect((await quote({ adults: 10, eventDate: bookableDate(20), zip: '90012' })).status).toBe(201);
    expect((await quote({ adults: 11, eventDate: bookableDate(20), zip: '90012' })).status).toBe(422);
    await advance(25 * 3_600_000);
    await fetch(`${server.url}/api/v1/health`);
    expect((await quote({ adults: 11, eventDate: bookableDate(20), zip: '90012' })).status).toBe(201);
  });
});
