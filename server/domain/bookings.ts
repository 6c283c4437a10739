import { type AdminBooking, type Booking, type BookingInput, type Catalog, type FieldError, makeFieldError, zipMismatchMessage } from '../../src/contract';
import { bookableDates, isSeatingBookable, longDate, parseSlotId, toZonedIso, zonedInstant } from '../../src/core/schedule';
import { Problem } from '../http/problem';
import type { HoldOutcome, HoldRules, Store, StoredBooking, StoredPayment } from '../store/types';
import { newResourceId } from './ids';
import { languageOf } from './language';
import { paymentView } from './payments';

export type CreateResult =
  | { ok: true; booking: StoredBooking }
  | { ok: false; errors: FieldError[] }
  | { ok: false; refused: Exclude<HoldOutcome, { outcome: 'created' }> };

/**
 * A quote may hold a seating this many times in all: the first hold, then
 * "Book again" twice after a hold expired unpaid. Past that, holding seatings
 * without paying is not booking; a new quote starts afresh.
 */
export const HOLDS_PER_QUOTE = 3;

/** What limits holds for this catalog: no one visitor may hold more than half of any day's chef teams unpaid. */
export function holdRules(catalog: Catalog): HoldRules {
  const { teamsPerSeating, seatings } = catalog.booking;
  const perVisitor = Math.max(1, Math.ceil((teamsPerSeating * seatings.length) / 2));
  return {
    capacity: teamsPerSeating,
    holdsPerQuote: HOLDS_PER_QUOTE,
    holdsPerVisitorPerDate: perVisitor,
    // Twice round: a visitor may let a day's holds lapse once and start again, not keep half a day blocked all day.
    unpaidHoldsPerVisitorPerDate: 2 * perVisitor,
    renewalWindowMs: 24 * 3_600_000,
  };
}

const err = makeFieldError;

/**
 * Why a seating (`parseSlotId` of the asked id) cannot be booked at `now`, none when it can: not one of the
 * catalog's (`unknown`), inside the lead time (`past`, with its `hours`) or beyond the horizon (`too-far`, with its
 * `days`). The codes let a widget word it in the visitor's language.
 */
export function seatingError(catalog: Catalog, slot: ReturnType<typeof parseSlotId>, now: number): FieldError | undefined {
  if (!slot || !catalog.booking.seatings.includes(slot.time))
    return err('slotId', 'There is no seating at that time. Choose one from the calendar.', 'unknown');
  if (isSeatingBookable(catalog, slot.date, slot.time, now)) return undefined;
  const { leadTimeHours: hours, horizonDays: days } = catalog.booking;
  return bookableDates(catalog, now).last < slot.date
    ? err('slotId', `We take bookings up to ${days} days ahead. Choose an earlier seating.`, 'too-far', { days })
    : err('slotId', 'That seating can no longer be booked. Choose another one.', 'past', { hours });
}

/** The seating asked for was taken by someone else meanwhile: a new booking's or a moved one's. */
export const seatingFull = () =>
  new Problem({
    status: 409,
    code: 'seating-full',
    title: 'Seating full',
    detail: 'Sorry, that seating was just taken. Please choose another time.',
  });

/**
 * Checks the seating against the quote (a real seating, on the quote's date),
 * then holds it if a chef team is still free and the quote and the visitor
 * are within `holdRules`. `holder` is the visitor's keyed hash.
 */
export async function createBooking(
  catalog: Catalog,
  store: Store,
  tenantId: string,
  input: BookingInput,
  now: number,
  holder?: string,
): Promise<CreateResult> {
  const slot = parseSlotId(input.slotId);
  const unbookable = seatingError(catalog, slot, now);
  const errors: FieldError[] = unbookable ? [unbookable] : [];
  // A quote never changes once saved, so reading it apart from the hold decides nothing a concurrent request could undo.
  const quote = await store.getQuote(tenantId, input.quoteId);
  if (!quote) {
    errors.push(err('quoteId', 'We couldn’t find that quote. Get a new quote and try again.', 'unknown'));
  } else if (Date.parse(quote.expiresAt) <= now) {
    errors.push(err('quoteId', 'That quote has expired. Get a new quote and try again.', 'expired'));
  } else {
    if (slot && slot.date !== quote.eventDate && !errors.some((e) => e.field === 'slotId')) {
      const detail = `Your quote is for ${longDate(quote.eventDate)}. Choose a seating on that day, or get a quote for ${longDate(slot.date)}.`;
      errors.push(err('slotId', detail, 'other-day', { date: quote.eventDate, seatingDate: slot.date }));
    }
    if (quote.zip !== input.address.zip) {
      errors.push(err('address.zip', zipMismatchMessage(quote.zip), 'mismatch', { zip: quote.zip }));
    }
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
    locale: languageOf(input.locale),
    status: 'pending_deposit',
    holdExpiresAt: now + catalog.booking.holdMinutes * 60_000,
    createdAt: now,
    ...(holder ? { holder } : {}),
  };
  const held = await store.holdSeating(booking, holdRules(catalog), now);
  return held.outcome === 'created' ? { ok: true, booking } : { ok: false, refused: held };
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
    ...(b.status === 'confirmed' ? { balanceDueCents: b.totalCents - b.depositCents } : {}),
    ...(b.cancelledAt ? { cancelledAt: new Date(b.cancelledAt).toISOString() } : {}),
  };
}

/** Everything, for the business: contact details and every payment attempt (without client secrets). */
export function adminBooking(b: StoredBooking, payments: StoredPayment[], catalog: Catalog, now: number): AdminBooking {
  return {
    ...publicBooking(b, catalog, now),
    customer: b.customer,
    address: b.address,
    notes: b.notes,
    ...(b.locale ? { locale: b.locale } : {}),
    payments: payments.map((p) => {
      const { clientSecret: _, ...view } = paymentView(p);
      return view;
    }),
  };
}
