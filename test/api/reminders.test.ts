import { afterAll, describe, expect, inject, it } from 'vitest';
import { type AdminMessageList, adminMessageList, type Booking } from '../../src/contract';
import { bookableDate, bookingBody, createQuote, json, bookAndPay as payBooking, SK, until } from '../support/fixtures';
import { freshDatabase } from '../support/pg-schema';
import { startServer, type TestServer } from '../support/server';

/**
 * Reminders on the real server: its scheduler (looking every 200 ms here)
 * queues each one when the server's clock, moved by `POST /__chaos/clock`,
 * reaches it; the admin list shows what was queued.
 */
const HOUR = 3_600_000;
const key = () => crypto.randomUUID();
const POLL = { TEPPAN_REMINDER_POLL_MS: '200', TEPPAN_SMTP_URL: '' };

let serial = 0;
/** Books a seating and pays its deposit through `url`; the customer's address is its own. */
async function bookAndPay(url: string, days: number, time = '18:00'): Promise<{ booking: Booking; email: string }> {
  serial += 1;
  const email = `reminded${serial}@example.com`;
  const quote = await createQuote(url, { eventDate: bookableDate(days) });
  const customer = { name: 'Ann Lee', email, phone: '(213) 555-0142' };
  return { booking: await payBooking(url, { ...bookingBody(quote, `${quote.eventDate}T${time}`), customer }), email };
}

const outbox = async (url: string): Promise<AdminMessageList['messages']> =>
  adminMessageList.parse(await (await fetch(`${url}/api/v1/admin/messages?limit=500`, { headers: { authorization: `Bearer ${SK}` } })).json()).messages;
const remindersTo = async (url: string, email: string) => (await outbox(url)).filter((m) => m.kind === 'reminder' && m.to === email);

/** Moves a server's clock to `at` (epoch ms). */
async function clockTo(url: string, at: number) {
  const { now } = (await (await fetch(`${url}/__chaos/clock`, json({ advanceMs: 0 }))).json()) as { now: string };
  const res = await fetch(`${url}/__chaos/clock`, json({ advanceMs: Math.max(0, Math.round(at - Date.parse(now))) }));
  expect(res.status).toBe(200);
}

/** How long a reminder may take to be queued once due. */
const QUEUED_WITHIN_MS = 15_000;
/** Long enough for several of the scheduler's passes. */
const severalPasses = () => new Promise((r) => setTimeout(r, 1_200));

const started: TestServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

describe('reminders', () => {
  it('queues one reminder 48 h before a paid event, however many passes run; none for a cancelled booking; a moved one is reminded of its new date', async () => {
    const server = await startServer(POLL);
    started.push(server);
    const { url } = server;
    const kept = await bookAndPay(url, 20);
    const cancelled = await bookAndPay(url, 20, '12:00');
    expect((await fetch(`${url}/api/v1/manage/${await tokenOf(url, cancelled.email)}/cancel`, json({}, { 'idempotency-key': key() }))).status).toBe(200);
    const moved = await bookAndPay(url, 20, '15:00');
    const rescheduled = await fetch(
      `${url}/api/v1/manage/${await tokenOf(url, moved.email)}/reschedule`,
      json({ slotId: `${bookableDate(26)}T15:00` }, { 'idempotency-key': key() }),
    );
    expect(rescheduled.status).toBe(200);
    const newStart = Date.parse(((await rescheduled.json()) as { booking: Booking }).booking.start);

    // Three days before: nothing is due yet.
    await clockTo(url, Date.parse(kept.booking.start) - 72 * HOUR);
    await severalPasses();
    expect((await outbox(url)).filter((m) => m.kind === 'reminder')).toEqual([]);

    // 47 hours before: the kept booking's reminder, once; not the cancelled one's, not the moved one's (its old date).
    await clockTo(url, Date.parse(kept.booking.start) - 47 * HOUR);
    await until(
      () => remindersTo(url, kept.email),
      (ms) => ms.length > 0,
      QUEUED_WITHIN_MS,
    );
    await severalPasses();
    const [reminder, ...twice] = await remindersTo(url, kept.email);
    expect(twice).toEqual([]);
    expect(reminder?.subject).toMatch(/^Reminder: \w+day, \w+ \d+, \d{4} at 6:00 PM, Sakura Hibachi Catering$/);
    expect(await remindersTo(url, cancelled.email)).toEqual([]);
    expect(await remindersTo(url, moved.email)).toEqual([]);

    // The moved booking's new date comes round: its reminder, of that date.
    await clockTo(url, newStart - 47 * HOUR);
    const [movedReminder] = await until(
      () => remindersTo(url, moved.email),
      (ms) => ms.length > 0,
      QUEUED_WITHIN_MS,
    );
    expect(movedReminder?.subject).toContain('at 3:00 PM');
    await severalPasses();
    expect(await remindersTo(url, moved.email)).toHaveLength(1);
    expect(await remindersTo(url, kept.email)).toHaveLength(1);
  });

  it('queues each reminder once with two instances on one PostgreSQL, each running its scheduler', { timeout: 60_000 }, async () => {
    const db = await freshDatabase(inject('postgresUrl'));
    const servers = await Promise.all([1, 2].map(() => startServer({ ...POLL, TEPPAN_DB: db.url })));
    started.push(...servers);
    const [a, b] = servers.map((s) => s.url) as [string, string];
    const bookings = await Promise.all([bookAndPay(a, 21), bookAndPay(b, 21, '12:00'), bookAndPay(a, 21, '20:30')]);

    const last = Math.max(...bookings.map((x) => Date.parse(x.booking.start)));
    // Both instances' clocks reach every booking's window: both schedulers find the same reminders due.
    await Promise.all([clockTo(a, last - 47 * HOUR), clockTo(b, last - 47 * HOUR)]);
    await until(
      async () => (await outbox(a)).filter((m) => m.kind === 'reminder'),
      (ms) => ms.length >= bookings.length,
      QUEUED_WITHIN_MS,
    );
    await severalPasses();
    const reminders = (await outbox(b)).filter((m) => m.kind === 'reminder');
    expect(reminders.map((m) => m.to).sort()).toEqual(bookings.map((x) => x.email).sort());
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  });
});

/** The manage token of the customer's confirmation, read from the link it carries. */
async function tokenOf(url: string, email: string): Promise<string> {
  const confirmation = (await outbox(url)).find((m) => m.kind === 'booking-confirmed' && m.to === email);
  const page = await (await fetch(`${url}/mail/demo/${confirmation?.id}`)).text();
  return /manage\.html\?token=([\w-]+)/.exec(page)?.[1] ?? '';
}
