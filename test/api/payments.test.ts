import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdminBooking, Booking, Payment, Quote } from '../../src/contract';
import { addDays, isRealDate } from '../../src/core/schedule';
import { bookableDate, bookingBody, createQuote, json, PK, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
afterEach(() => server.reset());

const key = () => crypto.randomUUID();
const api = (path: string) => `${server.url}/api/v1${path}`;
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };

let offset = 0;
/** A held booking on a seating of its own (each test takes another day). */
async function heldBooking(url = server.url): Promise<{ booking: Booking; quote: Quote }> {
  offset += 1;
  const quote = await createQuote(url, { eventDate: bookableDate(40 + offset) });
  const res = await fetch(`${url}/api/v1/bookings`, json(bookingBody(quote, `${quote.eventDate}T18:00`, `Payer ${offset}`), { 'idempotency-key': key() }));
  expect(res.status).toBe(201);
  return { booking: (await res.json()) as Booking, quote };
}

const start = (bookingId: string, k = key(), url = server.url) => fetch(`${url}/api/v1/bookings/${bookingId}/payments`, json({}, { 'idempotency-key': k }));
const confirm = (paymentId: string, card = CARD, k = key(), url = server.url) =>
  fetch(`${url}/api/v1/payments/${paymentId}/confirm`, json({ card }, { 'idempotency-key': k }));
const authenticate = (paymentId: string, outcome: 'approve' | 'cancel') =>
  fetch(api(`/payments/${paymentId}/authenticate`), json({ outcome }, { 'idempotency-key': key() }));
const getBooking = async (id: string) => (await (await fetch(api(`/bookings/${id}?key=${PK}`))).json()) as Booking;

async function started(bookingId: string): Promise<Payment> {
  const res = await start(bookingId);
  expect(res.status).toBe(201);
  return (await res.json()) as Payment;
}

async function adminBooking(id: string, url = server.url): Promise<AdminBooking | undefined> {
  const res = await fetch(`${url}/api/v1/admin/bookings`, { headers: { authorization: `Bearer ${SK}` } });
  return ((await res.json()) as { bookings: AdminBooking[] }).bookings.find((b) => b.id === id);
}

describe('paying a deposit with the test provider', () => {
  it('4242 pays the deposit and confirms the booking in the same step', async () => {
    const { booking } = await heldBooking();
    const res = await start(booking.id);
    expect(res.status).toBe(201);
    const payment = (await res.json()) as Payment;
    expect(res.headers.get('location')).toBe(`/api/v1/payments/${payment.id}`);
    expect(payment).toMatchObject({ bookingId: booking.id, provider: 'test', status: 'requires_confirmation', amountCents: 10_000, currency: 'USD' });

    const paid = (await (await confirm(payment.id)).json()) as Payment;
    expect(paid).toMatchObject({ id: payment.id, status: 'succeeded', card: { brand: 'visa', last4: '4242' } });
    expect(await getBooking(booking.id)).toMatchObject({ status: 'confirmed', amountDueCents: 0, paymentId: payment.id, paidAt: expect.any(String) });
    expect((await (await fetch(api(`/payments/${payment.id}?key=${PK}`))).json()) as Payment).toEqual(paid);
    expect((await adminBooking(booking.id))?.payments).toEqual([expect.objectContaining({ id: payment.id, status: 'succeeded', amountCents: 10_000 })]);
  });

  it.each([
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
    ['4000000000000069', 'expired_card'],
    ['4000000000000127', 'incorrect_cvc'],
  ])('%s is declined (%s); the booking stays held and a new attempt can pay', async (number, code) => {
    const { booking } = await heldBooking();
    const first = await started(booking.id);
    const declined = (await (await confirm(first.id, { ...CARD, number })).json()) as Payment;
    expect(declined).toMatchObject({ status: 'failed', declineCode: code, card: { last4: number.slice(-4) } });
    expect(await getBooking(booking.id)).toMatchObject({ status: 'pending_deposit', amountDueCents: 10_000 });
    // The failed attempt is over: it cannot be confirmed again, a new one can.
    expect((await confirm(first.id)).status).toBe(409);
    const second = await started(booking.id);
    expect(((await (await confirm(second.id)).json()) as Payment).status).toBe('succeeded');
    expect((await adminBooking(booking.id))?.payments.map((p) => [p.status, p.declineCode])).toEqual([
      ['failed', code],
      ['succeeded', undefined],
    ]);
  });

  it('4000 0025 0000 3155 asks for authentication: approved pays, cancelled fails the attempt', async () => {
    const { booking } = await heldBooking();
    const cancelled = await started(booking.id);
    const pending = (await (await confirm(cancelled.id, { ...CARD, number: '4000002500003155' })).json()) as Payment;
    expect(pending).toMatchObject({ status: 'requires_action', nextAction: { type: 'authenticate' } });
    expect(await (await authenticate(cancelled.id, 'cancel')).json()).toMatchObject({ status: 'failed', declineCode: 'authentication_failed' });
    expect((await getBooking(booking.id)).status).toBe('pending_deposit');

    const approved = await started(booking.id);
    await confirm(approved.id, { ...CARD, number: '4000002500003155' });
    expect(await (await authenticate(approved.id, 'approve')).json()).toMatchObject({ status: 'succeeded', card: { last4: '3155' } });
    expect((await getBooking(booking.id)).status).toBe('confirmed');
  });

  it('refuses card numbers it cannot take, beside the field, and stores nothing of them', async () => {
    const { booking } = await heldBooking();
    const payment = await started(booking.id);
    const fieldOf = async (card: typeof CARD) => {
      const res = await confirm(payment.id, card);
      expect(res.status).toBe(422);
      return ((await res.json()) as { errors: { field: string; detail: string; code?: string }[] }).errors;
    };
    // Each with its code (core's CardIssue), which the widgets word in the visitor's language.
    expect(await fieldOf({ ...CARD, number: '4242424242424241' })).toEqual([
      expect.objectContaining({ field: 'card.number', detail: 'Your card number is invalid.', code: 'number-invalid' }),
    ]);
    // A real-looking number that is not a test card: refused, never charged.
    expect(await fieldOf({ ...CARD, number: '4539578763621486' })).toEqual([
      expect.objectContaining({ field: 'card.number', detail: expect.stringMatching(/test card/), code: 'number-test-only' }),
    ]);
    expect(await fieldOf({ ...CARD, expMonth: 1, expYear: 2020 })).toEqual([
      expect.objectContaining({ field: 'card.expYear', detail: expect.stringMatching(/in the past/), code: 'expiry-past' }),
    ]);
    expect(await fieldOf({ ...CARD, number: '378282246310005', cvc: '123' })).toEqual([
      expect.objectContaining({ field: 'card.cvc', detail: 'Your card’s security code is incomplete.', code: 'cvc-incomplete' }),
    ]);
    expect((await adminBooking(booking.id))?.payments).toEqual([expect.objectContaining({ status: 'requires_confirmation' })]);
    expect(JSON.stringify(await adminBooking(booking.id))).not.toMatch(/4539578763621486|424242424242/);
  });
});

describe('never a charge for a booking that cannot take one', () => {
  it('unknown booking 404, paid booking 409, expired hold 410 — each with a code', async () => {
    expect(await (await start('bk_unknown0000000000000000')).json()).toMatchObject({ status: 404, code: 'booking-not-found' });

    const { booking: paid } = await heldBooking();
    await confirm((await started(paid.id)).id);
    expect(await (await start(paid.id)).json()).toMatchObject({ status: 409, code: 'booking-already-paid' });

    const { booking: held } = await heldBooking();
    const payment = await started(held.id);
    await fetch(`${server.url}/__chaos/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 16 * 60_000 }),
    });
    const late = await confirm(payment.id);
    expect(late.status).toBe(410);
    expect(await late.json()).toMatchObject({ code: 'hold-expired', detail: expect.stringMatching(/nothing was charged/) });
    expect(await (await start(held.id)).json()).toMatchObject({ status: 410, code: 'hold-expired' });
    expect(await getBooking(held.id)).toMatchObject({ status: 'expired', amountDueCents: 10_000 });
    expect((await adminBooking(held.id))?.payments.map((p) => p.status)).toEqual(['requires_confirmation']);
  });

  it('an expired hold frees its seating for others; resetting chaos resets the clock', async () => {
    const { booking, quote } = await heldBooking();
    const free = async () => {
      const res = await fetch(api(`/availability?key=${PK}&from=${quote.eventDate}&to=${quote.eventDate}`));
      return ((await res.json()) as { days: { slots: { id: string; remaining: number }[] }[] }).days[0]?.slots.find((s) => s.id === booking.slotId)?.remaining;
    };
    expect(await free()).toBe(2);
    await fetch(`${server.url}/__chaos/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceMs":900001}' });
    expect(await free()).toBe(3);
    await server.reset();
    expect(await free()).toBe(2);
    expect((await getBooking(booking.id)).status).toBe('pending_deposit');
  });
});

describe('exactly one succeeded payment per booking', () => {
  it('of 12 payments confirmed at once for one booking, one succeeds and the others are refused', async () => {
    const { booking } = await heldBooking();
    const payments = await Promise.all(Array.from({ length: 12 }, () => started(booking.id)));
    const results = await Promise.all(payments.map((p) => confirm(p.id)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(11).fill(409)]);
    const admin = await adminBooking(booking.id);
    expect(admin?.payments.filter((p) => p.status === 'succeeded')).toHaveLength(1);
    expect(admin?.paymentId).toBe(admin?.payments.find((p) => p.status === 'succeeded')?.id);
  });

  it('two server processes sharing one SQLite file cannot both take the deposit', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'teppan-pay-'));
    const [a, b] = await Promise.all([startServer({ TEPPAN_DB: join(dir, 'db') }), startServer({ TEPPAN_DB: join(dir, 'db') })]);
    try {
      const { booking } = await heldBooking(a.url);
      const viaA = (await (await start(booking.id, key(), a.url)).json()) as Payment;
      const viaB = (await (await start(booking.id, key(), b.url)).json()) as Payment;
      const statuses = await Promise.all([confirm(viaA.id, CARD, key(), a.url), confirm(viaB.id, CARD, key(), b.url)].map(async (r) => (await r).status));
      expect(statuses.sort()).toEqual([200, 409]);
      expect((await adminBooking(booking.id, b.url))?.payments.filter((p) => p.status === 'succeeded')).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a confirm repeated with its key replays the first answer, even after its response was lost', async () => {
    const { booking } = await heldBooking();
    const payment = await started(booking.id);
    const k = key();
    await server.arm({ method: 'POST', path: `/api/v1/payments/${payment.id}/confirm`, drop: true, times: 1 });
    await expect(confirm(payment.id, CARD, k)).rejects.toThrow();
    expect((await getBooking(booking.id)).status).toBe('confirmed');
    const again = await confirm(payment.id, CARD, k);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toMatchObject({ id: payment.id, status: 'succeeded' });
    expect((await adminBooking(booking.id))?.payments).toHaveLength(1);
  });

  it('a start repeated with its key makes no second payment', async () => {
    const { booking } = await heldBooking();
    const k = key();
    const [first, again] = [await start(booking.id, k), await start(booking.id, k)];
    expect(((await again.json()) as Payment).id).toBe(((await first.json()) as Payment).id);
    expect((await adminBooking(booking.id))?.payments).toHaveLength(1);
  });
});

describe('the event in a calendar', () => {
  it('is an iCalendar file at the seating’s local time in the tenant’s zone, confirmed once paid', async () => {
    const { booking } = await heldBooking();
    const ics = async () => {
      const res = await fetch(api(`/bookings/${booking.id}/calendar.ics?key=${PK}`));
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="sakura-hibachi-catering-\d{4}-\d{2}-\d{2}\.ics"$/);
      return res.text();
    };
    const held = await ics();
    const day = booking.slotId.slice(0, 10).replaceAll('-', '');
    expect(held).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(held).toContain(`DTSTART;TZID=America/Los_Angeles:${day}T180000\r\n`);
    expect(held).toContain(`DTEND;TZID=America/Los_Angeles:${day}T200000\r\n`);
    expect(held).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/Los_Angeles\r\n/);
    expect(held).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:\d{8}T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700/);
    expect(held).toMatch(/BEGIN:STANDARD\r\nDTSTART:\d{8}T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800/);
    expect(held).toContain('STATUS:TENTATIVE');
    expect(held.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    await confirm((await started(booking.id)).id);
    expect(await ics()).toContain('STATUS:CONFIRMED');
  });
});

describe('seatings that do not exist', () => {
  it('a slot id on an impossible date is refused, never rolled over to a real day', async () => {
    // The first bookable 1st of a month after a short month: its "31st" (e.g. 2027-02-31) would roll over to it.
    const offsets = Array.from({ length: 150 }, (_, i) => i + 7);
    const firstOfMonth = offsets.map((o) => bookableDate(o)).find((d) => d.endsWith('-01') && !isRealDate(`${addDays(d, -1).slice(0, 7)}-31`)) ?? '';
    const impossible = `${addDays(firstOfMonth, -1).slice(0, 7)}-31`;
    const quote = await createQuote(server.url, { eventDate: firstOfMonth });
    const res = await fetch(api('/bookings'), json(bookingBody(quote, `${impossible}T18:00`), { 'idempotency-key': key() }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('slotId');
  });
});
