import { type AdminBooking, type Booking, type BookingInput, type Catalog, type FieldError, makeFieldError } from '../../src/contract';
import { isSeatingBookable, parseSlotId, toZonedIso, zonedInstant } from '../../src/core/schedule';
import type { Store, StoredBooking, StoredPayment } from '../store/types';
import { newResourceId } from './ids';
import { paymentView } from './payments';

export type CreateResult = { ok: true; booking: StoredBooking } | { ok: false; errors: FieldError[] } | { ok: false; full: true };

const err = makeFieldError;

/** Checks the seating and the quote, then holds the seating if a chef team is still free. */
export function createBooking(catalog: Catalog, store: Store, tenantId: string, input: BookingInput, now: number): CreateResult {
  const errors: FieldError[] = [];
  const slot = parseSlotId(input.slotId);
  if (!slot || !catalog.booking.seatings.includes(slot.time)) {
    errors.push(err('slotId', 'There is no seating at that time. Choose one from the calendar.'));
  } else if (!isSeatingBookable(catalog, slot.date, slot.time, now)) {
    errors.push(err('slotId', 'That seating can no longer be booked. Choose another one.'));
  }
  const quote = store.getQuote(tenantId, input.quoteId);
  if (!quote) {
    errors.push(err('quoteId', 'We couldn’t find that quote. Get a new quote and try again.'));
  } else if (Date.parse(quote.expiresAt) <= now) {
    errors.push(err('quoteId', 'That quote has expired. Get a new quote and try again.'));
  } else if (quote.zip !== input.address.zip) {
    errors.push(err('address.zip', `The quote’s travel was priced for ZIP ${quote.zip}. Use that ZIP, or get a new quote for ${input.address.zip}.`));
  }
  if (errors.length > 0 || !slot || !quote) return { ok: false, errors };

  const booking: StoredBooking = {
    id: newResourceId('bk'),
    tenantId,
    slotId: input.slotId,
    start: zonedInstant(slot.date, slot.time, catalog.timeZone),
    quoteId: quote.id,
    guests: quote.adults + quote.children,
    totalCents: quote.totalCents,
    depositCents: quote.depositCents,
    currency: quote.currency,
    customer: input.customer,
    address: input.address,
    notes: input.notes,
    status: 'pending_deposit',
    holdExpiresAt: now + catalog.booking.holdMinutes * 60_000,
    createdAt: now,
  };
  if (store.createBookingIfFree(booking, catalog.booking.teamsPerSeating, now) === 'full') return { ok: false, full: true };
  return { ok: true, booking };
}

/** What a publishable key may see: status and amounts, no contact details. */
export function publicBooking(b: StoredBooking, catalog: Catalog, now: number): Booking {
  const status = b.status === 'pending_deposit' && b.holdExpiresAt <= now ? 'expired' : b.status;
  return {
    id: b.id,
    status,
    slotId: b.slotId,
    start: toZonedIso(b.start, catalog.timeZone),
    quoteId: b.quoteId,
    guests: b.guests,
    totalCents: b.totalCents,
    depositCents: b.depositCents,
    amountDueCents: b.status === 'confirmed' ? 0 : b.depositCents,
    currency: b.currency,
    holdExpiresAt: new Date(b.holdExpiresAt).toISOString(),
    createdAt: new Date(b.createdAt).toISOString(),
    ...(b.paymentId ? { paymentId: b.paymentId } : {}),
    ...(b.paidAt ? { paidAt: new Date(b.paidAt).toISOString() } : {}),
  };
}

/** Everything, for the business: contact details and every payment attempt (without client secrets). */
export function adminBooking(b: StoredBooking, payments: StoredPayment[], catalog: Catalog, now: number): AdminBooking {
  return {
    ...publicBooking(b, catalog, now),
    customer: b.customer,
    address: b.address,
    notes: b.notes,
    payments: payments.map((p) => {
      const { clientSecret: _, ...view } = paymentView(p);
      return view;
    }),
  };
}
