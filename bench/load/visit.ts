// One visitor's visit in the load bench, and the ledger of what each booking and payment was answered.
import { demoTenant } from '../../server/tenants';
import type { Availability, Booking, Payment, Quote } from '../../src/contract';
import { type Run, request, type Visitor } from './client';

export const PK = 'pk_test_demo';
const { catalog } = demoTenant;
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };

/** What one booking intent (one key, sent twice) was answered, and what came of its deposit. */
export interface BookingIntent {
  quoteId: string;
  /** Every booking id a 201 named for this key: more than one is a booking made twice. */
  bookingIds: Set<string>;
  /**
   * The booking a `quote-booked` answer named: a retry that found the quote already booked by its own
   * first attempt, whose instance died before it could keep the answer for the key.
   */
  namedByConflict?: string;
  /** The payment whose confirm answered `succeeded`: the visitor was told the booking is paid. */
  paid?: { bookingId: string; paymentId: string };
}

/** The ledger of one run: every booking intent, in order. */
export type Ledger = BookingIntent[];

const post = (body: unknown, key: string = crypto.randomUUID()): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}`, 'idempotency-key': key },
  body: JSON.stringify(body),
});
const read = <T>(run: Run, visitor: Visitor, path: string) => request<T>(run, visitor, 'read', `${path}${path.includes('?') ? '&' : '?'}key=${PK}`);

/** What a visitor chose before booking: a quote, and a seating on its day. */
export interface Choice {
  quote: Quote;
  slotId: string;
}

/**
 * A visit, as the SDK makes it: the catalog, the calendar, a quote each time typing settles, the day's
 * seatings, then `book`.
 */
export async function visit(run: Run, ledger: Ledger, visitor: Visitor, n: number, hotDates: string[]): Promise<void> {
  const choice = await shop(run, visitor, n, hotDates);
  if (choice) await book(run, ledger, visitor, choice);
}

/** A visit up to the booking: a quote for one of `hotDates`, and one of that day's seatings. */
export async function shop(run: Run, visitor: Visitor, n: number, hotDates: string[]): Promise<Choice | undefined> {
  const date = hotDates[(visitor.id + n) % hotDates.length] as string;
  await read(run, visitor, '/catalog');
  await read(run, visitor, `/availability?from=${hotDates[0]}&to=${hotDates.at(-1)}&guests=10`);
  let quote: Quote | undefined;
  for (const adults of [10, 12, 14]) quote = (await request<Quote>(run, visitor, 'quote', '/quotes', post({ adults, eventDate: date, zip: '90012' }))).body;
  const { body: availability } = await read<Availability>(run, visitor, `/availability?from=${date}&to=${date}&guests=14`);
  if (!quote?.id) return undefined;
  const open = availability?.days[0]?.slots.filter((s) => s.remaining > 0) ?? [];
  // One of the seatings still open, spread over them (visitors alternate days, hence the halving); when
  // none is, one anyway (it was open a moment ago).
  const pick = Math.floor(visitor.id / hotDates.length);
  const seatings = catalog.booking.seatings;
  return { quote, slotId: open[pick % Math.max(1, open.length)]?.id ?? `${date}T${seatings[pick % seatings.length]}` };
}

/**
 * The booking, the deposit when it is booked, and the booking read back. The booking is sent twice at
 * once with one key, to the visitor's instance and the next (a double click behind a balancer): a key
 * sent twice must never make two bookings. With `held`, it goes once, to the visitor's instance, with
 * that key (one the instance is made to hold after claiming it).
 */
export async function book(run: Run, ledger: Ledger, visitor: Visitor, { quote, slotId }: Choice, held?: string): Promise<void> {
  const init = post(
    {
      slotId,
      quoteId: quote.id,
      customer: { name: `Visitor ${visitor.id}`, email: `v${visitor.id}@example.com`, phone: '(213) 555-0142' },
      address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
      notes: '',
    },
    held,
  );
  const intent: BookingIntent = { quoteId: quote.id, bookingIds: new Set() };
  ledger.push(intent);
  const send = (instance: number) => request<Booking & { bookingId?: string }>(run, visitor, 'book', '/bookings', init, instance);
  const answers = await Promise.all(held ? [send(visitor.instance)] : [send(visitor.instance), send((visitor.instance + 1) % run.urls.length)]);
  for (const { status, body, code } of answers) {
    if (status === 201 && body?.id) intent.bookingIds.add(body.id);
    if (code === 'quote-booked' && body?.bookingId) intent.namedByConflict = body.bookingId;
  }
  const bookingId = [...intent.bookingIds][0] ?? intent.namedByConflict;
  if (!bookingId) return;
  const started = await request<Payment>(run, visitor, 'pay', `/bookings/${bookingId}/payments`, post({}));
  if (started.status !== 201 || !started.body?.id) return;
  const confirmed = await request<Payment>(run, visitor, 'pay', `/payments/${started.body.id}/confirm`, post({ card: CARD }));
  if (confirmed.body?.status === 'succeeded') intent.paid = { bookingId, paymentId: started.body.id };
  await read(run, visitor, `/bookings/${bookingId}`);
}
