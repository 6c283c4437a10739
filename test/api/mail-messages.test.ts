import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AdminMessageList, adminMessageList, type Booking, type ManageView, type Payment } from '../../src/contract';
import { bookableDate, bookingBody, createQuote, json, PK, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/**
 * The messages a booking's life queues, read as the customer gets them: the
 * real server with no SMTP server (mail kept in the development mailbox),
 * each message read back from `/mail/`.
 */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
const key = () => crypto.randomUUID();

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ TEPPAN_SMTP_URL: '' });
});
afterAll(() => server.stop());
afterEach(() => server.reset());

const api = (path: string) => `${server.url}/api/v1${path}`;

let day = 0;
/** Books a seating on a day of its own and pays its deposit with the test provider, through the API. */
async function bookAndPay(extra: Record<string, unknown> = {}, name = 'Ann Lee', offset = 20): Promise<Booking> {
  day += 1;
  const quote = await createQuote(server.url, { eventDate: bookableDate(offset + day) });
  const body = {
    ...bookingBody(quote, `${quote.eventDate}T18:00`, name),
    customer: { name, email: `guest${day}@example.com`, phone: '(213) 555-0142' },
    ...extra,
  };
  const held = await fetch(api('/bookings'), json(body, { 'idempotency-key': key() }));
  expect(held.status).toBe(201);
  const booking = (await held.json()) as Booking;
  const payment = (await (await fetch(api(`/bookings/${booking.id}/payments`), json({}, { 'idempotency-key': key() }))).json()) as Payment;
  const paid = (await (await fetch(api(`/payments/${payment.id}/confirm`), json({ card: CARD }, { 'idempotency-key': key() }))).json()) as Payment;
  expect(paid.status).toBe('succeeded');
  return booking;
}

type Listed = AdminMessageList['messages'][number];
const outbox = async (): Promise<Listed[]> =>
  adminMessageList.parse(await (await fetch(api('/admin/messages?limit=500'), { headers: { authorization: `Bearer ${SK}` } })).json()).messages;

/** A message as the mailbox shows it: its plain text part, and its HTML part. */
async function read(m: Listed): Promise<{ text: string; html: string }> {
  const page = await (await fetch(`${server.url}/mail/demo/${m.id}`)).text();
  const text = (/<pre>([\s\S]*)<\/pre>/.exec(page)?.[1] ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  const html = await (await fetch(`${server.url}/mail/demo/${m.id}/html`)).text();
  return { text, html };
}

/** The messages of one customer (by address) of a kind. */
const ofKind = async (kind: string, to: string) => (await outbox()).filter((m) => m.kind === kind && m.to === to);
const emailOf = () => `guest${day}@example.com`;

/** The manage link a message carries, in its text part. */
const linkIn = (text: string) => /https?:\/\/\S+\/manage\.html\?token=[\w-]+/.exec(text)?.[0];

describe('the manage link in the customer’s mail', () => {
  it('the confirmation carries a link to /manage.html whose token opens that booking', async () => {
    const booking = await bookAndPay();
    const [confirmation] = await ofKind('booking-confirmed', emailOf());
    if (!confirmation) throw new Error('no confirmation queued');
    const { text, html } = await read(confirmation);
    const link = linkIn(text);
    expect(link).toBeDefined();
    const url = new URL(link ?? '');
    // Without TEPPAN_SITE_URL: the server's own address.
    expect(url.origin).toBe(server.url.replace('127.0.0.1', 'localhost'));
    const token = url.searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(token).not.toContain(booking.id);
    expect(html).toContain(`href="${link?.replace(/&/g, '&amp;')}"`);

    const opened = await fetch(api(`/manage/${token}?key=${PK}`));
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as ManageView).booking).toMatchObject({ id: booking.id, status: 'confirmed' });
  });
});
