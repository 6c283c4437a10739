import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTenant } from '../../server/tenants';
import { type AdminMessageList, adminMessageList, type Booking, type Payment } from '../../src/contract';
import { bookableDate, bookingBody, createQuote, json, SK, until } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp';

/**
 * The outbox end to end: the real server (server/main.ts) sends to a real
 * SMTP server on loopback (test/support/smtp.ts), and what the test reads is
 * what came over the SMTP stream.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
const TEAM = demoTenant.notifyEmail ?? '';
const key = () => crypto.randomUUID();

let smtp: SmtpReceiver;
let server: TestServer;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  // Retries start 300 ms after a failure, doubling: the receiver's outage below is over within a few.
  server = await startServer({ TEPPAN_SMTP_URL: smtp.url, TEPPAN_MAIL_RETRY_MS: '300' });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

let day = 0;
/** Books a seating of its own day and pays its deposit with the test provider, through the API. */
async function bookAndPay(url: string, name: string): Promise<{ booking: Booking; email: string }> {
  day += 1;
  const quote = await createQuote(url, { eventDate: bookableDate(20 + day) });
  const email = `guest${day}@example.com`;
  const body = { ...bookingBody(quote, `${quote.eventDate}T18:00`, name), customer: { name, email, phone: '(213) 555-0142' } };
  const booked = await fetch(`${url}/api/v1/bookings`, json(body, { 'idempotency-key': key() }));
  expect(booked.status).toBe(201);
  const booking = (await booked.json()) as Booking;
  const payment = (await (await fetch(`${url}/api/v1/bookings/${booking.id}/payments`, json({}, { 'idempotency-key': key() }))).json()) as Payment;
  const paid = (await (await fetch(`${url}/api/v1/payments/${payment.id}/confirm`, json({ card: CARD }, { 'idempotency-key': key() }))).json()) as Payment;
  expect(paid.status).toBe('succeeded');
  return { booking, email };
}

const toOf = (m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : '');
const outbox = async (url = server.url): Promise<AdminMessageList['messages']> =>
  adminMessageList.parse(await (await fetch(`${url}/api/v1/admin/messages?limit=500`, { headers: { authorization: `Bearer ${SK}` } })).json()).messages;

describe('mail over SMTP', () => {
  it('sends the customer’s confirmation (text, HTML, .ics) and the team’s notice when a deposit is paid', async () => {
    const { booking, email } = await bookAndPay(server.url, 'Aiko <script>alert(1)</script>');
    const [confirmation] = await smtp.waitFor((m) => toOf(m) === email);
    const [notice] = await smtp.waitFor((m) => toOf(m) === TEAM && (m.subject ?? '').startsWith('New booking: Aiko'));
    if (!confirmation || !notice) throw new Error('not received');

    const messages = await until(outbox, (ms) => ms.filter((m) => m.status === 'sent').length >= 2);
    const sent = (kind: string) => messages.find((m) => m.kind === kind && (m.to === email || m.to === TEAM));
    expect(confirmation.subject).toMatch(/^Booking confirmed: \w+day, \w+ \d+, \d{4}, Sakura Hibachi Catering$/);
    expect(confirmation.messageId).toBe(`<${sent('booking-confirmed')?.id}@teppan.mail>`);
    expect(notice.messageId).toBe(`<${sent('team-new-booking')?.id}@teppan.mail>`);
    expect(sent('booking-confirmed')).toMatchObject({ status: 'sent', attempts: 1, sentAt: expect.any(String) });

    expect(confirmation.text).toContain('Guests: 10');
    expect(confirmation.text).toContain('Deposit paid: $100.00');
    expect(confirmation.text).toContain(`Reference: ${booking.id}`);
    expect(confirmation.html).toMatch(/<html lang="en">/);
    expect(confirmation.html).toContain('Aiko &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(confirmation.html).not.toContain('<script>');
    const ics = confirmation.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ics?.filename).toBe('booking.ics');
    const calendar = ics?.content.toString('utf8') ?? '';
    expect(calendar).toContain(`UID:${booking.id}@teppan`);
    expect(calendar).toContain(`DTSTART;TZID=America/Los_Angeles:${booking.slotId.slice(0, 10).replace(/-/g, '')}T180000`);
    expect(notice.text).toContain(email);
  });

  it('shows no mailbox when mail is sent', async () => {
    expect((await fetch(`${server.url}/mail/`)).status).toBe(404);
  });

  it('sends the team every lead with the question', async () => {
    const res = await fetch(
      `${server.url}/api/v1/leads`,
      json({ name: 'Ken', email: 'ken@example.com', question: 'Do you cater on boats?' }, { 'idempotency-key': key() }),
    );
    expect(res.status).toBe(201);
    const [lead] = await smtp.waitFor((m) => toOf(m) === TEAM && m.subject === 'New question from Ken');
    expect(lead?.text).toContain('Question: Do you cater on boats?');
  });

  it('sends nothing to an address typed into bookings whose deposit was never paid', async () => {
    const victim = 'victim@example.com';
    const customer = { name: 'Mallory', email: victim, phone: '(213) 555-0100' };
    for (let i = 0; i < 3; i++) {
      day += 1;
      const quote = await createQuote(server.url, { eventDate: bookableDate(20 + day) });
      const held = await fetch(
        `${server.url}/api/v1/bookings`,
        json({ ...bookingBody(quote, `${quote.eventDate}T12:00`), customer }, { 'idempotency-key': key() }),
      );
      expect(held.status).toBe(201);
      const booking = (await held.json()) as Booking;
      if (i === 0) {
        // One tries to pay, and the card is declined.
        const payment = (await (await fetch(`${server.url}/api/v1/bookings/${booking.id}/payments`, json({}, { 'idempotency-key': key() }))).json()) as Payment;
        const declined = (await (
          await fetch(
            `${server.url}/api/v1/payments/${payment.id}/confirm`,
            json({ card: { ...CARD, number: '4000000000000002' } }, { 'idempotency-key': key() }),
          )
        ).json()) as Payment;
        expect(declined.status).toBe('failed');
      }
    }
    // A paid booking's mail goes meanwhile, and the sender has had its chance at everything queued.
    const { email } = await bookAndPay(server.url, 'Paying Guest');
    await smtp.waitFor((m) => toOf(m) === email);
    await smtp.waitFor((m) => toOf(m) === TEAM && (m.subject ?? '').includes('Paying Guest'));
    expect(smtp.received.filter((m) => toOf(m) === victim)).toEqual([]);
    expect((await outbox()).filter((m) => m.to === victim)).toEqual([]);
  });

  it('loses nothing while the mail server is down, and delivers each message once when it is back', async () => {
    await smtp.stop();
    const { email } = await bookAndPay(server.url, 'Mina Park');
    // Tried and refused: kept in the outbox, due again, with why.
    const waiting = await until(outbox, (ms) => ms.some((m) => m.to === email && m.attempts >= 2));
    expect(waiting.find((m) => m.to === email)).toMatchObject({ status: 'queued', sentAt: null, lastError: expect.stringMatching(/ECONNREFUSED/) });

    await smtp.start();
    await smtp.waitFor((m) => toOf(m) === email);
    await smtp.waitFor((m) => toOf(m) === TEAM && (m.subject ?? '').startsWith('New booking: Mina Park'));
    // A while longer: nothing arrives twice.
    await new Promise((r) => setTimeout(r, 1_500));
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const after = await outbox();
    expect(after.filter((m) => m.status !== 'sent')).toEqual([]);
    expect(after.length).toBe(ids.length);
  });
});
