import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manageToken } from '../../server/domain/manage-token';
import type { AdminBooking, Booking, CancelResponse, ManageView, Payment, ProblemDetails, RescheduleResponse } from '../../src/contract';
import { addDays } from '../../src/core/schedule';
import { bookableDate, bookingBody, createQuote, json, PK, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

const DAY = 86_400_000;
let server: TestServer;
let dir: string;
let secret: string;
beforeAll(async () => {
  // A file, so the test can read the store's secret and mint the link the confirmation email will carry.
  dir = mkdtempSync(join(tmpdir(), 'teppan-manage-'));
  server = await startServer({ TEPPAN_DB: join(dir, 'db') });
  const db = new Database(join(dir, 'db'), { readonly: true });
  secret = (db.prepare("SELECT value FROM meta WHERE name = 'secret'").get() as { value: string }).value;
  db.close();
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => server.reset());

const key = () => crypto.randomUUID();
const api = (path: string) => `${server.url}/api/v1${path}`;
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };

let offset = 0;
/** A booking whose deposit is paid, `days` after the first bookable day (each on a date of its own), and its manage link's token. */
async function paidBooking(days = 20): Promise<{ booking: Booking; token: string }> {
  offset += 1;
  const date = bookableDate(days + (offset % 5));
  const quote = await createQuote(server.url, { eventDate: date });
  const slot = `${date}T${['12:00', '15:00', '18:00', '20:30'][offset % 4]}`;
  const held = await fetch(api('/bookings'), json(bookingBody(quote, slot, `Guest ${offset}`), { 'idempotency-key': key() }));
  expect(held.status).toBe(201);
  const booking = (await held.json()) as Booking;
  const payment = (await (await fetch(api(`/bookings/${booking.id}/payments`), json({}, { 'idempotency-key': key() }))).json()) as Payment;
  const paid = (await (await fetch(api(`/payments/${payment.id}/confirm`), json({ card: CARD }, { 'idempotency-key': key() }))).json()) as Payment;
  expect(paid.status).toBe('succeeded');
  return { booking: { ...booking, paymentId: payment.id }, token: await manageToken(secret, 'demo', booking.id) };
}

const view = (token: string) => fetch(api(`/manage/${token}?key=${PK}`));
const reschedule = (token: string, slotId: string, k = key()) => fetch(api(`/manage/${token}/reschedule`), json({ slotId }, { 'idempotency-key': k }));
const cancel = (token: string, body: object = {}, k = key()) => fetch(api(`/manage/${token}/cancel`), json(body, { 'idempotency-key': k }));
const advance = (ms: number) => fetch(`${server.url}/__chaos/clock`, json({ advanceMs: ms }));
/** Moves the server's clock to `ms` before the booking starts. */
const toBefore = (b: Booking, ms: number) => advance(Date.parse(b.start) - ms - Date.now());

async function admin(id: string): Promise<AdminBooking | undefined> {
  const res = await fetch(api('/admin/bookings?limit=500'), { headers: { authorization: `Bearer ${SK}` } });
  return ((await res.json()) as { bookings: AdminBooking[] }).bookings.find((b) => b.id === id);
}
async function remaining(slotId: string): Promise<number | undefined> {
  const date = slotId.slice(0, 10);
  const res = await fetch(api(`/availability?key=${PK}&from=${date}&to=${date}`));
  const { days } = (await res.json()) as { days: { slots: { id: string; remaining: number }[] }[] };
  return days[0]?.slots.find((s) => s.id === slotId)?.remaining;
}
/** A problem's body without `instance` (the path asked for, which holds the token). */
const problemOf = async (res: Response) => {
  const { instance: _, ...body } = (await res.json()) as ProblemDetails;
  return body;
};

describe('the manage link', () => {
  it('shows the booking, what may be done, the refund and the policy; opening it changes nothing', async () => {
    const { booking, token } = await paidBooking();
    const res = await view(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const shown = (await res.json()) as ManageView;
    expect(shown).toMatchObject({
      booking: { id: booking.id, status: 'confirmed', amountDueCents: 0, balanceDueCents: booking.totalCents - booking.depositCents },
      canReschedule: true,
      canCancel: true,
      refundCentsIfCancelled: 10_000,
      policy: { rescheduleUntilDays: 7, refundUntilDays: 7 },
    });
    expect(Date.parse(shown.policy.rescheduleUntil)).toBe(Date.parse(booking.start) - 7 * DAY);
    expect((await (await view(token)).json()) as ManageView).toEqual(shown);
    expect(await admin(booking.id)).toMatchObject({ status: 'confirmed', payments: [{ status: 'succeeded' }] });
  });

  it('answers one 404 manage-link-invalid to forged, tampered, unknown, unpaid and expired links alike', async () => {
    const { booking, token } = await paidBooking(10);
    const quote = await createQuote(server.url, { eventDate: bookableDate(60) });
    const unpaid = (await (
      await fetch(api('/bookings'), json(bookingBody(quote, `${quote.eventDate}T12:00`), { 'idempotency-key': key() }))
    ).json()) as Booking;
    const flipped = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
    const bad = [
      'A'.repeat(74),
      flipped,
      booking.id,
      await manageToken(secret, 'demo', 'bk_000000000000000000000000'),
      await manageToken(secret, 'other', booking.id),
      await manageToken(secret, 'demo', unpaid.id),
    ];
    const answers = [];
    for (const t of bad)
      answers.push(await problemOf(await view(t)), await problemOf(await cancel(t)), await problemOf(await reschedule(t, `${bookableDate(30)}T12:00`)));
    expect(answers[0]).toMatchObject({ status: 404, code: 'manage-link-invalid' });
    for (const a of answers) expect(a).toEqual(answers[0]);

    // Once the event has ended, the link too.
    await toBefore(booking, -2 * 3_600_000);
    expect(await problemOf(await view(token))).toEqual(answers[0]);
    expect(await admin(booking.id)).toMatchObject({ status: 'confirmed' });
  });
});

describe('rescheduling', () => {
  it('moves the booking inside the window: same booking and payment, the old seating freed, the new one taken, no second charge', async () => {
    const { booking, token } = await paidBooking(30);
    const target = `${addDays(booking.slotId.slice(0, 10), 3)}T12:00`;
    const before = [await remaining(booking.slotId), await remaining(target)];
    const k = key();
    const res = await reschedule(token, target, k);
    expect(res.status).toBe(200);
    const { booking: moved } = (await res.json()) as RescheduleResponse;
    expect(moved).toMatchObject({ id: booking.id, slotId: target, status: 'confirmed', paymentId: booking.paymentId, amountDueCents: 0 });
    expect([await remaining(booking.slotId), await remaining(target)]).toEqual([(before[0] ?? 0) + 1, (before[1] ?? 0) - 1]);
    // The same key replays the answer; the link still opens the booking, now on its new seating.
    const replay = await reschedule(token, target, k);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as RescheduleResponse).booking).toEqual(moved);
    expect(((await (await view(token)).json()) as ManageView).booking.slotId).toBe(target);
    expect((await admin(booking.id))?.payments).toEqual([expect.objectContaining({ status: 'succeeded', amountCents: 10_000 })]);
  });

  it('refuses inside the policy window, and a seating that is full', async () => {
    const { booking, token } = await paidBooking(40);
    const full = `${addDays(booking.slotId.slice(0, 10), 1)}T20:30`;
    for (let i = 0; i < 3; i++) {
      const quote = await createQuote(server.url, { eventDate: full.slice(0, 10) });
      expect((await fetch(api('/bookings'), json(bookingBody(quote, full, `Filler ${i}`), { 'idempotency-key': key() }))).status).toBe(201);
    }
    expect(await problemOf(await reschedule(token, full))).toMatchObject({ status: 409, code: 'seating-full' });

    await toBefore(booking, 7 * DAY - 60_000);
    const shown = (await (await view(token)).json()) as ManageView;
    expect(shown).toMatchObject({ canReschedule: false, canCancel: true, refundCentsIfCancelled: 0 });
    expect(await problemOf(await reschedule(token, `${addDays(booking.slotId.slice(0, 10), 2)}T12:00`))).toMatchObject({
      status: 409,
      code: 'too-late-to-reschedule',
    });
    expect(await admin(booking.id)).toMatchObject({ slotId: booking.slotId, status: 'confirmed' });
  });

  it('gives the last team of a seating to exactly one of a reschedule and new bookings racing for it', async () => {
    const { booking, token } = await paidBooking(45);
    const target = `${addDays(booking.slotId.slice(0, 10), 2)}T15:00`;
    const date = target.slice(0, 10);
    const book = async (name: string) => {
      const quote = await createQuote(server.url, { eventDate: date });
      return () => fetch(api('/bookings'), json(bookingBody(quote, target, name), { 'idempotency-key': key() }));
    };
    for (const name of ['First', 'Second']) expect((await (await book(name))()).status).toBe(201);
    const racers = await Promise.all(['Racer A', 'Racer B', 'Racer C'].map(book));
    const [moved, ...booked] = await Promise.all([reschedule(token, target), ...racers.map((go) => go())]);
    const winners = [moved, ...booked].filter((r) => r.status === 200 || r.status === 201);
    expect(winners).toHaveLength(1);
    for (const r of [moved, ...booked].filter((r) => !winners.includes(r))) expect(await problemOf(r)).toMatchObject({ status: 409, code: 'seating-full' });
    expect(await remaining(target)).toBe(0);
  });
});

describe('cancelling', () => {
  it('inside the refund window: cancelled, seating freed, the deposit refunded once whatever is repeated', async () => {
    const { booking, token } = await paidBooking(25);
    const before = await remaining(booking.slotId);
    const k = key();
    const res = await cancel(token, { reason: 'Moving house' }, k);
    expect(res.status).toBe(200);
    const first = (await res.json()) as CancelResponse;
    expect(first).toMatchObject({ booking: { id: booking.id, status: 'cancelled', cancelledAt: expect.any(String) }, refundCents: 10_000 });
    expect(await remaining(booking.slotId)).toBe((before ?? 0) + 1);

    const replay = await cancel(token, { reason: 'Moving house' }, k);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(first);
    // Other keys at once (a second tab, a second click): the one cancellation and its one refund.
    const again = await Promise.all([1, 2, 3].map(() => cancel(token)));
    for (const r of again) expect(((await r.json()) as CancelResponse).refundCents).toBe(10_000);
    expect((await admin(booking.id))?.payments).toEqual([
      expect.objectContaining({ status: 'succeeded', refund: { amountCents: 10_000, status: 'succeeded' } }),
    ]);

    expect((await (await view(token)).json()) as ManageView).toMatchObject({ booking: { status: 'cancelled' }, canCancel: false, canReschedule: false });
    expect(await problemOf(await reschedule(token, `${addDays(booking.slotId.slice(0, 10), 2)}T12:00`))).toMatchObject({
      status: 409,
      code: 'booking-cancelled',
    });
  });

  it('outside the refund window: cancelled, nothing refunded; once the event starts, too late', async () => {
    const late = await paidBooking(35);
    const started = await paidBooking(35);
    await toBefore(late.booking, 3 * DAY);
    expect(await (await cancel(late.token)).json()).toMatchObject({ booking: { status: 'cancelled' }, refundCents: 0 });
    expect((await admin(late.booking.id))?.payments[0]?.refund).toBeUndefined();

    await server.reset();
    await toBefore(started.booking, -60_000);
    expect(await problemOf(await cancel(started.token))).toMatchObject({ status: 409, code: 'too-late-to-cancel' });
    expect(await admin(started.booking.id)).toMatchObject({ status: 'confirmed' });
  });
});
