import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminMessageList, type Booking, type Payment } from '../../src/contract';
import { bookableDate, bookingBody, createQuote, json, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/** Without TEPPAN_SMTP_URL (as `npm start` runs): mail is kept, and shown at /mail/. */
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
const key = () => crypto.randomUUID();

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ TEPPAN_SMTP_URL: '' });
});
afterAll(() => server.stop());

const get = (path: string) => fetch(`${server.url}${path}`);
/** The href of the link whose text is `label`. */
const hrefOf = (html: string, label: string) => new RegExp(`<a href="([^"]+)"[^>]*>${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a>`).exec(html)?.[1];

describe('the development mailbox', () => {
  it('keeps the mail of a paid booking unsent, and shows it as the customer would see it', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(12) });
    const body = { ...bookingBody(quote, `${quote.eventDate}T18:00`), notes: 'Gate <b>code</b> 42' };
    const booking = (await (await fetch(`${server.url}/api/v1/bookings`, json(body, { 'idempotency-key': key() }))).json()) as Booking;
    const payment = (await (await fetch(`${server.url}/api/v1/bookings/${booking.id}/payments`, json({}, { 'idempotency-key': key() }))).json()) as Payment;
    await fetch(`${server.url}/api/v1/payments/${payment.id}/confirm`, json({ card: CARD }, { 'idempotency-key': key() }));

    const listed = adminMessageList.parse(await (await fetch(`${server.url}/api/v1/admin/messages`, { headers: { authorization: `Bearer ${SK}` } })).json());
    // Queued together: same createdAt, so the list orders them by id.
    expect(listed.messages.map((m) => [m.kind, m.status, m.attempts]).sort()).toEqual([
      ['booking-confirmed', 'queued', 0],
      ['team-new-booking', 'queued', 0],
    ]);
    const confirmation = listed.messages.find((m) => m.kind === 'booking-confirmed');
    const notice = listed.messages.find((m) => m.kind === 'team-new-booking');
    if (!confirmation || !notice) throw new Error('no messages');

    const inbox = await get('/mail/');
    expect(inbox.status).toBe(200);
    const list = await inbox.text();
    const href = hrefOf(list, confirmation.subject.replace(/&/g, '&amp;'));
    expect(href).toBe(`/mail/demo/${confirmation.id}`);

    const page = await (await get(href ?? '')).text();
    expect(page).toContain('ann@example.com');
    expect(page).toContain(`&lt;${confirmation.id}@teppan.mail&gt;`);
    expect(page).toContain(
      `<iframe title="The message at phone width" src="/mail/demo/${confirmation.id}/html" sandbox="allow-popups allow-popups-to-escape-sandbox" width="375"`,
    );
    expect(page).toContain('Deposit paid: $100.00');

    // The HTML part, on its own URL: nothing in it can run, whatever it holds.
    const part = await get(`/mail/demo/${confirmation.id}/html`);
    const csp = part.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox allow-popups allow-popups-to-escape-sandbox');
    expect(csp).not.toMatch(/script-src/);
    const html = await part.text();
    expect(html).toMatch(/<html lang="en">\n<head><base target="_blank">/);
    expect(html).toContain('<th scope="row"');

    const teamPart = await (await get(`/mail/demo/${notice.id}/html`)).text();
    expect(teamPart).toContain('Gate &lt;b&gt;code&lt;/b&gt; 42');

    const ics = await get(`/mail/demo/${confirmation.id}/attachments/0`);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await ics.text()).toContain(`UID:${booking.id}@teppan`);

    expect((await get('/mail/demo/msg_nosuchmessage00000000000')).status).toBe(404);
    expect((await get(`/mail/other/${confirmation.id}`)).status).toBe(404);
  });
});
