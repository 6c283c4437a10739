import { demoTenant } from '../../server/tenants';
import type { Booking, BookingRequest, Catalog, Payment, Quote, QuoteRequest } from '../../src/contract';
import { addDays, bookableDates } from '../../src/core/schedule';
import { adminListAll } from './admin-list';

export const PK = 'pk_test_demo';
export const SK = 'sk_test_demo';
export const catalog: Catalog = demoTenant.catalog;

/** A date comfortably inside the bookable window, `offset` days after the first bookable one. */
export function bookableDate(offset = 7): string {
  return addDays(bookableDates(catalog, Date.now()).first, offset);
}

/** The test provider's card that succeeds. */
export const TEST_CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}`, ...headers }, body: JSON.stringify(body) };
}

export async function createQuote(url: string, body: Partial<QuoteRequest> = {}): Promise<Quote> {
  const res = await fetch(`${url}/api/v1/quotes`, json({ adults: 10, eventDate: bookableDate(), zip: '90012', ...body }));
  if (res.status !== 201) throw new Error(`quote failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Quote;
}

export function bookingBody(quote: Quote, slotId: string, name = 'Ann Lee'): BookingRequest {
  return {
    slotId,
    quoteId: quote.id,
    customer: { name, email: 'ann@example.com', phone: '(213) 555-0142' },
    address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: quote.zip },
    notes: '',
  };
}

export async function adminBookings(url: string) {
  return (await adminListAll(url, 'bookings')) as { id: string; slotId: string }[];
}

/** Holds a seating with `body` and pays its deposit with the test card, through the API at `url`: the booking as held. */
export async function bookAndPay(url: string, body: BookingRequest): Promise<Booking> {
  const key = () => ({ 'idempotency-key': crypto.randomUUID() });
  const held = await fetch(`${url}/api/v1/bookings`, json(body, key()));
  if (held.status !== 201) throw new Error(`booking failed: ${held.status} ${await held.text()}`);
  const booking = (await held.json()) as Booking;
  const payment = (await (await fetch(`${url}/api/v1/bookings/${booking.id}/payments`, json({}, key()))).json()) as Payment;
  const paid = (await (await fetch(`${url}/api/v1/payments/${payment.id}/confirm`, json({ card: TEST_CARD }, key()))).json()) as Payment;
  if (paid.status !== 'succeeded') throw new Error(`payment ${paid.status}`);
  return booking;
}

/** Reads until `ok` holds or `timeoutMs` passes (every 100 ms), then gives the last read: the caller's assertion says what was wanted. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
