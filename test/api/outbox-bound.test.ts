import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTenant } from '../../server/tenants';
import { type AdminMessageList, adminMessageList, type Booking, type Payment } from '../../src/contract';
import { newIdempotencyKey } from '../../src/core';
import { bookableDate, bookingBody, createQuote, json, SK, TEST_CARD } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp';

/**
 * The outbox's bound end to end, with a small TEPPAN_OUTBOX_BOUND: the mail
 * server down, a tenant's unsent messages pile up to the bound, what comes
 * next is held (and the admin list says why), and everything goes out once,
 * the held last, when the mail server is back.
 */
const TEAM = demoTenant.notifyEmail ?? '';
const key = newIdempotencyKey;

let smtp: SmtpReceiver;
let server: TestServer;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  await smtp.stop();
  server = await startServer({ TEPPAN_SMTP_URL: smtp.url, TEPPAN_MAIL_RETRY_MS: '200', TEPPAN_OUTBOX_BOUND: '2', TEPPAN_MAIL_DIGEST_MS: '0' });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const outbox = async (): Promise<AdminMessageList['messages']> => {
  const res = await fetch(`${server.url}/api/v1/admin/messages?limit=500`, { headers: { authorization: `Bearer ${SK}` } });
  expect(res.status).toBe(200);
  return adminMessageList.parse(await res.json()).messages;
};

describe('the outbox bound', () => {
  it('holds a tenant’s messages past the bound with a note the operator sees, never refusing the change, and sends them all once when the backlog drains', async () => {
    // Two messages (the confirmation and the team's notice) fill the bound.
    const quote = await createQuote(server.url, { eventDate: bookableDate(12) });
    const booking = (await (
      await fetch(`${server.url}/api/v1/bookings`, json(bookingBody(quote, `${quote.eventDate}T18:00`), { 'idempotency-key': key() }))
    ).json()) as Booking;
    const payment = (await (await fetch(`${server.url}/api/v1/bookings/${booking.id}/payments`, json({}, { 'idempotency-key': key() }))).json()) as Payment;
    const paid = await fetch(`${server.url}/api/v1/payments/${payment.id}/confirm`, json({ card: TEST_CARD }, { 'idempotency-key': key() }));
    expect(paid.status).toBe(200);
    // Leads past it are stored as ever; their notices wait.
    for (const name of ['Ken', 'Lia']) {
      const lead = await fetch(`${server.url}/api/v1/leads`, json({ name, email: `${name}@example.com`, question: 'Boats?' }, { 'idempotency-key': key() }));
      expect(lead.status).toBe(201);
    }
    const waiting = await outbox();
    // The payment's two share a time: in either order.
    expect(waiting.map((m) => `${m.kind} ${m.status}`).sort()).toEqual([
      'booking-confirmed queued',
      'team-lead held',
      'team-lead held',
      'team-new-booking queued',
    ]);
    expect(waiting.slice(2).map((m) => m.kind)).toEqual(['team-lead', 'team-lead']);
    expect(waiting[2]?.note).toMatch(/^Held: this business already has 2 messages waiting to be sent/);
    expect(waiting[0]?.note).toBeUndefined();

    await smtp.start();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(await outbox()).every((m) => m.status === 'sent')) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1_000));
    const sent = await outbox();
    expect(sent.map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(sent.every((m) => !m.note?.startsWith('Held'))).toBe(true);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    // Each lead's notice reached the team once (alone or in one digest with the other).
    for (const name of ['Ken', 'Lia']) {
      expect(
        smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === TEAM && `${m.subject}\n${m.text}`.includes(`New question from ${name}`)),
      ).toHaveLength(1);
    }
  });
});
