import { type Context, Hono } from 'hono';
import { availabilityQuery, bookingRequest, quoteRequest } from '../../src/contract';
import { adminBooking, type CreateResult, createBooking, HOLDS_PER_QUOTE, publicBooking, seatingFull } from '../domain/bookings';
import { bookingCalendar } from '../domain/calendar';
import { makeQuote } from '../domain/quotes';
import { availabilityFor, rangeErrors } from '../domain/schedule';
import type { AppEnv } from '../http/env';
import { storedId } from '../http/idempotency';
import { keyedHash, networkOf } from '../http/keyed-hash';
import { nextCursorOf, pageRequestOf } from '../http/page';
import { Problem, validationProblem } from '../http/problem';
import { jsonBody, parseWith } from '../http/validate';
import type { Store, StoredPayment, StoredResponse } from '../store/types';

const notFound = (what: string) => new Problem({ status: 404, code: 'not-found', title: `${what} not found`, detail: `No ${what.toLowerCase()} has that id.` });

/** Routes a publishable key may call. */
export function tenantRoutes(store: Store, now: () => number) {
  return new Hono<AppEnv>()
    .get('/catalog', (c) => {
      c.header('Cache-Control', 'private, max-age=60');
      return c.json(c.get('tenant').catalog);
    })
    .post('/quotes', async (c) => {
      const tenant = c.get('tenant');
      const result = makeQuote(tenant.catalog, await jsonBody(c, quoteRequest), now());
      if (!result.ok) throw validationProblem(result.errors);
      await store.saveQuote({ ...result.quote, tenantId: tenant.id });
      c.header('Location', `/api/v1/quotes/${result.quote.id}`);
      return c.json(result.quote, 201);
    })
    .get('/quotes/:id', async (c) => {
      const quote = await store.getQuote(c.get('tenant').id, c.req.param('id'));
      if (!quote) throw notFound('Quote');
      const { tenantId: _, ...body } = quote;
      return c.json(body);
    })
    .get('/availability', async (c) => {
      const tenant = c.get('tenant');
      const q = parseWith(availabilityQuery, c.req.query());
      const errors = rangeErrors(tenant.catalog, q, now());
      if (errors.length > 0) throw validationProblem(errors);
      return c.json(await availabilityFor(tenant.catalog, store, tenant.id, q, now()));
    })
    .post('/bookings', async (c) => {
      const tenant = c.get('tenant');
      const t = now();
      const input = await jsonBody(c, bookingRequest);
      const holder = await keyedHash(store.secret, `holder ${networkOf(c.get('clientAddress'))}`);
      const result = await createBooking(tenant.catalog, store, tenant.id, input, t, holder);
      const made = !result.ok && 'refused' in result ? madeByDeadClaim(c, result.refused, input.slotId, holder) : undefined;
      if (made) {
        c.header('Location', `/api/v1/bookings/${made.id}`);
        return c.json(publicBooking(made, tenant.catalog, t), 201);
      }
      if (!result.ok && 'refused' in result) throw holdRefused(result.refused, tenant.catalog.booking.holdMinutes);
      if (!result.ok) throw validationProblem(result.errors);
      c.header('Location', `/api/v1/bookings/${result.booking.id}`);
      return c.json(publicBooking(result.booking, tenant.catalog, t), 201);
    })
    .get('/bookings/:id', async (c) => {
      const tenant = c.get('tenant');
      const booking = await store.getBooking(tenant.id, c.req.param('id'));
      if (!booking) throw notFound('Booking');
      return c.json(publicBooking(booking, tenant.catalog, now()));
    })
    .get('/bookings/:id/calendar.ics', async (c) => {
      const tenant = c.get('tenant');
      const booking = await store.getBooking(tenant.id, c.req.param('id'));
      if (!booking) throw notFound('Booking');
      // A download link: the visitor's calendar app opens it, named after the business and the day.
      const name = `${tenant.catalog.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${booking.slotId.slice(0, 10)}.ics`;
      return c.body(bookingCalendar(booking, tenant.catalog, now()), 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      });
    });
}

/** A replayed booking as it stands now: a hold that expired since reads `expired`, a paid one `confirmed`. */
export const currentBookingOf = (store: Store, now: () => number) => async (c: Context<AppEnv>, stored: StoredResponse) => {
  const tenant = c.get('tenant');
  const booking = await store.getBooking(tenant.id, storedId(stored));
  return booking && publicBooking(booking, tenant.catalog, now());
};

/**
 * The booking an earlier request with this same key and body made before its
 * instance died (its claim's lease ran out before it could keep its answer):
 * the quote's live booking, on the asked seating, by the same visitor. The
 * retry answers it as made, as the dead request would have, rather than
 * refusing the visitor their own booking.
 */
function madeByDeadClaim(c: Context<AppEnv>, refused: Extract<CreateResult, { refused: unknown }>['refused'], slotId: string, holder: string) {
  if (refused.outcome !== 'quote-booked' || !c.get('idempotency')?.inherited) return undefined;
  const { booking } = refused;
  return booking.slotId === slotId && booking.holder === holder ? booking : undefined;
}

/** Why a seating was not held, for the visitor: each is a 409, and nothing was created. */
function holdRefused(refused: Extract<CreateResult, { refused: unknown }>['refused'], holdMinutes: number): Problem {
  switch (refused.outcome) {
    case 'full':
      return seatingFull();
    case 'quote-booked':
      return new Problem({
        status: 409,
        code: 'quote-booked',
        title: 'Quote already booked',
        detail: `This quote already has a booking (${refused.booking.id}). Pay its deposit, or to book another event get a new quote.`,
        extensions: { bookingId: refused.booking.id },
      });
    case 'quote-spent':
      return new Problem({
        status: 409,
        code: 'quote-spent',
        title: 'Quote used up',
        detail: `This quote has held a seating ${HOLDS_PER_QUOTE} times without a deposit. Get a new quote to book.`,
      });
    case 'visitor-limit':
      return new Problem({
        status: 409,
        code: 'too-many-holds',
        title: 'Too many unpaid holds',
        detail: `You already hold as many seatings on that day as one guest may without paying. Pay the deposit for one of them, or wait until a hold ends (holds last ${holdMinutes} minutes).`,
      });
    case 'visitor-renewals':
      return new Problem({
        status: 409,
        code: 'too-many-holds',
        title: 'Too many unpaid holds',
        detail: 'You have held seatings on that day many times today without paying a deposit. Pay the deposit for a booking you hold, or try again tomorrow.',
      });
  }
}

/** Routes that need a secret key. */
export function adminRoutes(store: Store, now: () => number) {
  return new Hono<AppEnv>().get('/bookings', async (c) => {
    const tenant = c.get('tenant');
    const t = now();
    // Bookings first: a payment is stored before it can confirm its booking and never deleted, so every
    // payment a booking read here names is in the list read after it, whatever happens in between.
    const page = await store.listBookings(tenant.id, pageRequestOf(c));
    // No Map.groupBy on Node 20.
    const payments = new Map<string, StoredPayment[]>();
    const paid = await store.paymentsOfBookings(
      tenant.id,
      page.items.map((b) => b.id),
    );
    for (const p of paid) payments.set(p.bookingId, [...(payments.get(p.bookingId) ?? []), p]);
    return c.json({ bookings: page.items.map((b) => adminBooking(b, payments.get(b.id) ?? [], tenant.catalog, t)), nextCursor: nextCursorOf(page) });
  });
}
