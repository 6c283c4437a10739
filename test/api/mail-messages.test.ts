import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AdminMessageList, adminMessageList, type Booking, type ManageView } from '../../src/contract';
import { bookableDate, bookingBody, createQuote, json, PK, bookAndPay as payBooking, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/**
 * The messages a booking's life queues, read as the customer gets them: the
 * real server with no SMTP server (mail kept in the development mailbox),
 * each message read back from `/mail/`.
 */
const key = () => crypto.randomUUID();

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ TEPPAN_SMTP_URL: '' });
});
afterAll(() => server.stop());
afterEach(() => server.reset());

const api = (path: string) => `${server.url}/api/v1${path}`;

let day = 0;
/** Books a seating on a day of its own and pays its deposit, through the API; the customer's address is its own. */
async function bookAndPay(extra: Record<string, unknown> = {}, name = 'Ann Lee', offset = 20): Promise<Booking> {
  day += 1;
  const quote = await createQuote(server.url, { eventDate: bookableDate(offset + day) });
  const customer = { name, email: `guest${day}@example.com`, phone: '(213) 555-0142' };
  return payBooking(server.url, { ...bookingBody(quote, `${quote.eventDate}T18:00`, name), customer, ...extra });
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

/** The token of the manage link in the customer's confirmation. */
async function tokenOf(email: string): Promise<string> {
  const [confirmation] = await ofKind('booking-confirmed', email);
  if (!confirmation) throw new Error('no confirmation queued');
  return new URL(linkIn((await read(confirmation)).text) ?? '').searchParams.get('token') ?? '';
}
const calendarOf = async (m: Listed) => (await fetch(`${server.url}/mail/demo/${m.id}/attachments/0`)).text();

describe('the manage link in the customer’s mail', () => {
  it('the confirmation carries a link to /manage.html whose token opens that booking', async () => {
    const booking = await bookAndPay();
    const [confirmation] = await ofKind('booking-confirmed', emailOf());
    if (!confirmation) throw new Error('no confirmation queued');
    const { text, html } = await read(confirmation);
    const link = linkIn(text);
    expect(link).toBeDefined();
    const url = new URL(link ?? '');
    // Without TEPPAN_SITE_URL: the server's own address; an English booking's page is the English one.
    expect(url.origin).toBe(server.url.replace('127.0.0.1', 'localhost'));
    expect(url.pathname).toBe('/manage.html');
    const token = url.searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(token).not.toContain(booking.id);
    expect(html).toContain(`href="${link?.replace(/&/g, '&amp;')}"`);

    const opened = await fetch(api(`/manage/${token}?key=${PK}`));
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as ManageView).booking).toMatchObject({ id: booking.id, status: 'confirmed' });
  });
});

describe('the messages of a change by the manage link', () => {
  it('a reschedule queues the customer’s booking-rescheduled (new date, the event again with a raised SEQUENCE, the link) and the team’s notice', async () => {
    const booking = await bookAndPay({}, 'Ken <b>Ito</b>');
    const email = emailOf();
    const token = await tokenOf(email);
    const date = booking.slotId.slice(0, 10);
    for (const [n, slotId] of [`${date}T12:00`, `${date}T15:00`].entries()) {
      const res = await fetch(api(`/manage/${token}/reschedule`), json({ slotId }, { 'idempotency-key': key() }));
      expect(res.status).toBe(200);
      const moves = await ofKind('booking-rescheduled', email);
      expect(moves).toHaveLength(n + 1);
      const latest = moves.at(-1) as Listed;
      const { text, html } = await read(latest);
      expect(text).toContain(slotId.endsWith('12:00') ? 'at 12:00 PM' : 'at 3:00 PM');
      expect(linkIn(text)).toBeDefined();
      expect(html).toContain('Ken &lt;b&gt;Ito&lt;/b&gt;');
      expect(html).not.toContain('<b>Ito');
      const ics = await calendarOf(latest);
      expect(ics).toContain(`UID:${booking.id}@teppan`);
      expect(ics).toContain(`SEQUENCE:${n + 1}`);
    }
    const notices = (await outbox()).filter((m) => m.kind === 'team-booking-changed');
    expect(notices.filter((m) => m.subject.startsWith('Booking moved: Ken <b>Ito</b>'))).toHaveLength(2);
  });

  it('a cancellation queues the customer’s booking-cancelled (the refund, METHOD:CANCEL) and the team’s notice, once however often it is asked', async () => {
    const booking = await bookAndPay({}, 'Mina Park');
    const email = emailOf();
    const token = await tokenOf(email);
    const asked = key();
    for (let i = 0; i < 2; i++)
      expect((await fetch(api(`/manage/${token}/cancel`), json({ reason: 'Rain <i>again</i>' }, { 'idempotency-key': asked }))).status).toBe(200);
    expect((await fetch(api(`/manage/${token}/cancel`), json({}, { 'idempotency-key': key() }))).status).toBe(200);
    const [cancelled, ...more] = await ofKind('booking-cancelled', email);
    expect(more).toEqual([]);
    if (!cancelled) throw new Error('no cancellation queued');
    const { text } = await read(cancelled);
    expect(text).toContain('Your $100.00 deposit is being refunded');
    expect(text).toContain('Refund: $100.00');
    const ics = await calendarOf(cancelled);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain(`UID:${booking.id}@teppan`);
    const notices = (await outbox()).filter((m) => m.kind === 'team-booking-changed' && m.subject.startsWith('Booking cancelled: Mina Park'));
    expect(notices).toHaveLength(1);
    const notice = await read(notices[0] as Listed);
    expect(notice.text).toContain('Their reason: Rain <i>again</i>');
    expect(notice.html).toContain('Rain &lt;i&gt;again&lt;/i&gt;');
  });
});

describe('the visitor’s language, kept with the booking and the lead', () => {
  it('writes the customer’s mail in the language their form sent (es-MX: Spanish; fr: English); the team’s notice stays English', async () => {
    await bookAndPay({ locale: 'es-MX' }, 'Lucía Gómez');
    const spanish = emailOf();
    const [confirmation] = await ofKind('booking-confirmed', spanish);
    if (!confirmation) throw new Error('no confirmation queued');
    expect(confirmation.subject).toMatch(/^Reserva confirmada: \S+, \d+ de \S+ de \d{4}, Sakura Hibachi Catering$/);
    const { text, html } = await read(confirmation);
    expect(html).toMatch(/<html lang="es">/);
    expect(text).toContain('Anticipo pagado: $100.00');
    expect(linkIn(text)).toBeDefined();
    const notice = (await outbox()).find((m) => m.kind === 'team-new-booking' && m.subject.startsWith('New booking: Lucía Gómez'));
    expect(notice && (await read(notice)).text).toContain('Language: Spanish');

    await bookAndPay({ locale: 'fr' }, 'Jean Dupont');
    const [french] = await ofKind('booking-confirmed', emailOf());
    expect(french?.subject).toMatch(/^Booking confirmed: /);
    const admin = (await (await fetch(api('/admin/bookings?limit=500'), { headers: { authorization: `Bearer ${SK}` } })).json()) as {
      bookings: { customer: { email: string }; locale?: string }[];
    };
    expect(admin.bookings.find((b) => b.customer.email === spanish)?.locale).toBe('es');
    expect(admin.bookings.find((b) => b.customer.email === emailOf())?.locale).toBe('en');
  });

  it('a Spanish booking’s link opens /es/manage.html and its calendar files speak Spanish, confirmed, moved and cancelled; an English one’s stay English', async () => {
    const icsWords = (ics: string) => {
      const lines = ics.replace(/\r\n /g, '').split('\r\n');
      return ['SUMMARY', 'DESCRIPTION', 'METHOD', 'SEQUENCE'].map((name) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1));
    };
    const booking = await bookAndPay({ locale: 'es' }, 'Lucía Gómez');
    const email = emailOf();
    const [confirmation] = await ofKind('booking-confirmed', email);
    if (!confirmation) throw new Error('no confirmation queued');
    const link = new URL(linkIn((await read(confirmation)).text) ?? '');
    expect(link.pathname).toBe('/es/manage.html');
    const token = link.searchParams.get('token') ?? '';
    expect(((await (await fetch(api(`/manage/${token}?key=${PK}`))).json()) as ManageView).booking.id).toBe(booking.id);
    expect(icsWords(await calendarOf(confirmation))).toEqual([
      'Fiesta hibachi con Sakura Hibachi Catering',
      `10 invitados. Referencia de la reserva ${booking.id}.\\nAnticipo de $100.00 pagado\\; quedan $500.00 por pagar.\\nTotal del evento: $600.00.`,
      'PUBLISH',
      '0',
    ]);

    const moved = await fetch(api(`/manage/${token}/reschedule`), json({ slotId: `${booking.slotId.slice(0, 10)}T12:00` }, { 'idempotency-key': key() }));
    expect(moved.status).toBe(200);
    const [rescheduled] = await ofKind('booking-rescheduled', email);
    if (!rescheduled) throw new Error('no reschedule queued');
    expect(new URL(linkIn((await read(rescheduled)).text) ?? '').pathname).toBe('/es/manage.html');
    expect(icsWords(await calendarOf(rescheduled))).toEqual([
      'Fiesta hibachi con Sakura Hibachi Catering',
      expect.stringMatching(/^10 invitados\. .*Anticipo de \$100\.00 pagado\\; quedan \$\d+\.\d{2} por pagar\.\\nTotal del evento: /),
      'PUBLISH',
      '1',
    ]);

    expect((await fetch(api(`/manage/${token}/cancel`), json({}, { 'idempotency-key': key() }))).status).toBe(200);
    const [cancelled] = await ofKind('booking-cancelled', email);
    if (!cancelled) throw new Error('no cancellation queued');
    expect(icsWords(await calendarOf(cancelled))).toEqual([
      'Fiesta hibachi con Sakura Hibachi Catering',
      expect.stringMatching(/^10 invitados\. Referencia de la reserva \S+\.\\nCancelada\.\\nTotal del evento: \$\d+\.\d{2}\.$/),
      'CANCEL',
      '2',
    ]);

    const english = await bookAndPay({ locale: 'en' }, 'Ann Lee');
    const [englishConfirmation] = await ofKind('booking-confirmed', emailOf());
    if (!englishConfirmation) throw new Error('no confirmation queued');
    expect(new URL(linkIn((await read(englishConfirmation)).text) ?? '').pathname).toBe('/manage.html');
    expect(icsWords(await calendarOf(englishConfirmation))).toEqual([
      'Hibachi party with Sakura Hibachi Catering',
      `10 guests. Booking reference ${english.id}.\\nDeposit of $100.00 paid\\; $500.00 left to pay.\\nEvent total $600.00.`,
      'PUBLISH',
      '0',
    ]);
  });

  it('keeps a lead’s language, and refuses a locale that is not a tag’s length', async () => {
    const sent = await fetch(
      api('/leads'),
      json({ name: 'Ana', email: 'ana@example.com', question: '¿Cuánto cuesta?', locale: 'es-US' }, { 'idempotency-key': key() }),
    );
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({ name: 'Ana', locale: 'es' });
    const { leads } = (await (await fetch(api('/admin/leads?limit=500'), { headers: { authorization: `Bearer ${SK}` } })).json()) as {
      leads: { name: string; locale?: string }[];
    };
    expect(leads.find((l) => l.name === 'Ana')?.locale).toBe('es');
    const long = await fetch(
      api('/leads'),
      json({ name: 'Ana', email: 'ana@example.com', question: 'Hi', locale: 'x'.repeat(36) }, { 'idempotency-key': key() }),
    );
    expect(long.status).toBe(422);
  });

  it('documents the field in the OpenAPI document', async () => {
    const doc = (await (await fetch(api('/openapi.json'))).json()) as {
      components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
    };
    for (const name of ['BookingRequest', 'LeadRequest']) expect(doc.components.schemas[name]?.properties.locale?.description).toMatch(/BCP 47/);
  });
});

describe('the mailbox page', () => {
  it('is styled from a file the site’s policy allows, whose plain text part wraps rather than widening a phone’s page', async () => {
    const page = await (await fetch(`${server.url}/mail/`)).text();
    expect(page).toContain('<link rel="stylesheet" href="/mail/mailbox.css">');
    const css = await fetch(`${server.url}/mail/mailbox.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toMatch(/pre \{[^}]*white-space: pre-wrap/);
  });
});
