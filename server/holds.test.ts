import { describe, expect, it } from 'vitest';
import type { AdminBooking, Availability, Booking, Payment, Quote } from '../src/contract';
import { addDays, bookableDates } from '../src/core/schedule';
import { createApp } from './app';
import { createMemoryStore } from './store/memory';
import { createSqliteStore } from './store/sqlite';
import type { Store } from './store/types';
import { demoTenant } from './tenants';

/**
 * Holds expire on the server's clock, so this drives the app in-process with
 * a clock the test moves; both stores must behave the same.
 */
describe.each<[string, () => Store]>([
  ['SQLite', () => createSqliteStore(':memory:')],
  ['memory', createMemoryStore],
])('booking holds (%s store)', (_, makeStore) => {
  function setup() {
    let now = Date.parse('2027-01-10T18:00:00Z');
    // The visitor's address comes from a test header here (Node takes the socket's).
    const app = createApp({ store: makeStore(), now: () => now, addressOf: (c) => c.req.header('x-test-address') });
    const call = async <T>(path: string, init: RequestInit = {}) => {
      const res = await app.request(`/api/v1${path}`, {
        ...init,
        headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...init.headers },
      });
      return { status: res.status, body: (await res.json()) as T };
    };
    const date = addDays(bookableDates(demoTenant.catalog, now).first, 3);
    return { call, date, advance: (ms: number) => (now += ms) };
  }

  it('holds a seating for 15 minutes; an unpaid hold then expires and frees it', async () => {
    const { call, date, advance } = setup();
    const slotId = `${date}T18:00`;
    // Each party its own quote: a quote makes one booking.
    const book = async (n: number) => {
      const { body: quote } = await call<Quote>('/quotes', { method: 'POST', body: JSON.stringify({ adults: 10, eventDate: date, zip: '90012' }) });
      return call<Booking>('/bookings', {
        method: 'POST',
        headers: { 'idempotency-key': `hold-test-${n}` },
        body: JSON.stringify({
          slotId,
          quoteId: quote.id,
          customer: { name: `Guest ${n}`, email: 'g@example.com', phone: '2135550142' },
          address: { line1: '1 Main St', city: 'Los Angeles', zip: '90012' },
        }),
      });
    };
    const remaining = async () =>
      (await call<Availability>(`/availability?from=${date}&to=${date}`)).body.days[0]?.slots.find((s) => s.id === slotId)?.remaining;

    const first = await book(1);
    await book(2);
    await book(3);
    expect(await remaining()).toBe(0);
    expect((await book(4)).status).toBe(409);

    advance(15 * 60_000 - 1);
    expect(await remaining()).toBe(0);
    advance(2);
    expect(await remaining()).toBe(3);
    expect((await call<Booking>(`/bookings/${first.body.id}`)).body.status).toBe('expired');
    expect((await book(5)).status).toBe(201);
  });

  it('a deposit paid in time confirms the booking and keeps its seating; after the hold, nothing is charged', async () => {
    const { call, date, advance } = setup();
    const booking = async (time: string) => {
      const { body: quote } = await call<Quote>('/quotes', { method: 'POST', body: JSON.stringify({ adults: 10, eventDate: date, zip: '90012' }) });
      return (
        await call<Booking>('/bookings', {
          method: 'POST',
          body: JSON.stringify({
            slotId: `${date}T${time}`,
            quoteId: quote.id,
            customer: { name: 'Payer', email: 'p@example.com', phone: '2135550142' },
            address: { line1: '1 Main St', city: 'Los Angeles', zip: '90012' },
          }),
        })
      ).body;
    };
    const start = async (b: Booking) => (await call<Payment>(`/bookings/${b.id}/payments`, { method: 'POST', body: '{}' })).body;
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2035, cvc: '123', postalCode: '90012' };
    const confirm = (p: Payment) => call<Payment>(`/payments/${p.id}/confirm`, { method: 'POST', body: JSON.stringify({ card }) });
    const early = await booking('12:00');
    const late = await booking('15:00');
    const [first, second] = [await start(early), await start(late)];
    advance(14 * 60_000);
    expect((await confirm(first)).body.status).toBe('succeeded');
    advance(2 * 60_000);
    expect((await confirm(second)).status).toBe(410);
    expect((await call<Booking>(`/bookings/${early.id}`)).body).toMatchObject({ status: 'confirmed', amountDueCents: 0 });
    // Confirmed holds its seating for good; the expired one released it.
    advance(24 * 60 * 60_000);
    const { body: day } = await call<Availability>(`/availability?from=${date}&to=${date}`);
    expect(day.days[0]?.slots.map((s) => s.remaining)).toEqual([2, 3, 3, 3]);
    const { body: admin } = await call<{ bookings: AdminBooking[] }>('/admin/bookings', { headers: { authorization: 'Bearer sk_test_demo' } });
    expect(Object.fromEntries(admin.bookings.map((b) => [b.id, b.payments.map((p) => p.status)]))).toEqual({
      [early.id]: ['succeeded'],
      [late.id]: ['requires_confirmation'],
    });
  });
  it('a visitor at their share of a day is refused; another visitor, and the same one a day later, still book', async () => {
    const { call, date } = setup();
    const hold = async (address: string, slotId: string) => {
      const { body: quote } = await call<Quote>('/quotes', {
        method: 'POST',
        body: JSON.stringify({ adults: 10, eventDate: slotId.slice(0, 10), zip: '90012' }),
      });
      const res = await call<{ code?: string }>('/bookings', {
        method: 'POST',
        headers: { 'x-test-address': address },
        body: JSON.stringify({
          slotId,
          quoteId: quote.id,
          customer: { name: 'Holder', email: 'h@example.com', phone: '2135550142' },
          address: { line1: '1 Main St', city: 'Los Angeles', zip: '90012' },
        }),
      });
      return res.status === 201 ? 'held' : res.body.code;
    };
    const seatings = demoTenant.catalog.booking.seatings;
    const slots = seatings.flatMap((t) => [0, 1, 2].map(() => `${date}T${t}`));
    for (const slotId of slots.slice(0, 6)) expect(await hold('203.0.113.7', slotId)).toBe('held');
    expect(await hold('203.0.113.7', slots[6] ?? '')).toBe('too-many-holds');
    // The same /64 is the same visitor; another address is another.
    expect(await hold('2001:db8::1', slots[6] ?? '')).toBe('held');
    expect(await hold('2001:db8::2', slots[7] ?? '')).toBe('held');
    expect(await hold('203.0.113.8', slots[8] ?? '')).toBe('held');
    expect(await hold('203.0.113.7', `${addDays(date, 1)}T${seatings[0]}`)).toBe('held');
  });
});
