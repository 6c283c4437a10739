import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoTenant } from '../../server/tenants';
import { adminMessageList, type Booking, type Payment } from '../../src/contract';
import { bookableDate, bookingBody, createQuote, json, SK } from '../support/fixtures';
import { freshDatabase } from '../support/pg-schema';
import { startServer, type TestServer } from '../support/server';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp';

/**
 * Two instances of the real server on one PostgreSQL database, both sending
 * the one outbox to one SMTP server: every message is claimed by one of them
 * at a time, so each arrives once.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
const key = () => crypto.randomUUID();
const TEAM = demoTenant.notifyEmail ?? '';

let smtp: SmtpReceiver;
let servers: TestServer[] = [];
let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  db = await freshDatabase(inject('postgresUrl'));
  // Short retries, so both instances look for due messages several times a second and race for each.
  servers = await Promise.all([1, 2].map(() => startServer({ TEPPAN_DB: db.url, TEPPAN_SMTP_URL: smtp.url, TEPPAN_MAIL_RETRY_MS: '200' })));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await smtp?.stop();
  await db?.drop();
});

const on = (i: number) => (servers[i % servers.length] as TestServer).url;
const outbox = async () =>
  adminMessageList.parse(await (await fetch(`${on(0)}/api/v1/admin/messages?limit=500`, { headers: { authorization: `Bearer ${SK}` } })).json()).messages;

async function bookAndPay(i: number) {
  const url = on(i);
  const quote = await createQuote(url, { eventDate: bookableDate(30 + i) });
  const booking = (await (
    await fetch(`${url}/api/v1/bookings`, json(bookingBody(quote, `${quote.eventDate}T18:00`, `Guest ${i}`), { 'idempotency-key': key() }))
  ).json()) as Booking;
  // Started on one instance, confirmed on the other.
  const payment = (await (await fetch(`${url}/api/v1/bookings/${booking.id}/payments`, json({}, { 'idempotency-key': key() }))).json()) as Payment;
  const paid = await fetch(`${on(i + 1)}/api/v1/payments/${payment.id}/confirm`, json({ card: CARD }, { 'idempotency-key': key() }));
  expect(paid.status).toBe(200);
}

describe('mail from several instances on one PostgreSQL', () => {
  it('sends each message once, the backlog of an outage too', async () => {
    await smtp.stop();
    await Promise.all(Array.from({ length: 6 }, (_, i) => bookAndPay(i)));
    const queued = await outbox();
    expect(queued).toHaveLength(12);
    // Both instances have tried and failed meanwhile: every message waits for its next try.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(await outbox()).every((m) => m.attempts >= 1)) await new Promise((r) => setTimeout(r, 100));

    await smtp.start();
    const deadline2 = Date.now() + 30_000;
    while (Date.now() < deadline2 && !(await outbox()).every((m) => m.status === 'sent')) await new Promise((r) => setTimeout(r, 100));
    // A while longer: nothing arrives twice.
    await new Promise((r) => setTimeout(r, 1_500));
    const sent = await outbox();
    expect(sent.map((m) => m.status)).toEqual(Array(12).fill('sent'));
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    // Each customer's confirmation once, under its own Message-ID.
    const confirmations = sent.filter((m) => m.kind === 'booking-confirmed');
    expect(
      smtp.received
        .filter((m) => m.to && !Array.isArray(m.to) && m.to.text !== TEAM)
        .map((m) => m.messageId)
        .sort(),
    ).toEqual(confirmations.map((m) => `<${m.id}@teppan.mail>`).sort());
    // The team's six notices, queued together through the outage, folded into digests (one per instance that
    // claimed some at most): each notice in exactly one email the team received.
    const team = smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === TEAM);
    expect(team.length).toBeLessThanOrEqual(2);
    for (const notice of sent.filter((m) => m.kind === 'team-new-booking')) {
      expect(team.filter((m) => `${m.subject}\n${m.text}`.includes(notice.subject))).toHaveLength(1);
      const digestId = /Message-ID (<[^>]+>)/.exec(notice.note ?? '')?.[1];
      expect(ids).toContain(digestId ?? `<${notice.id}@teppan.mail>`);
    }
  });
});
