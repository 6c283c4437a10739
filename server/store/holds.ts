import { holdsSeating } from './settle';
import type { HoldOutcome, HoldRules, StoredBooking } from './types';

/** The bookings a new hold is weighed against, as a store reads them inside its transaction. */
export interface HoldContext {
  /** Bookings holding the same seating now. */
  heldInSlot: number;
  /** Every booking made from the same quote, expired ones included. */
  ofQuote: StoredBooking[];
  /** The visitor's unpaid holds on the same date: held now, and started within the rules' renewal window. */
  visitorHolds: { live: number; recent: number };
}

/**
 * The one decision both stores make before inserting a hold. A quote is one
 * party's event: it makes one live booking, and only a few holds in all, so
 * nobody can keep seatings held by renewing unpaid holds forever; a visitor
 * may hold at most a share of a date, so nobody can fill a day alone.
 */
export function decideHold(b: StoredBooking, rules: HoldRules, now: number, ctx: HoldContext): HoldOutcome {
  const live = ctx.ofQuote.find((other) => holdsSeating(other, now));
  if (live) return { outcome: 'quote-booked', booking: live };
  if (ctx.ofQuote.length >= rules.holdsPerQuote) return { outcome: 'quote-spent' };
  if (b.holder !== undefined && ctx.visitorHolds.live >= rules.holdsPerVisitorPerDate) return { outcome: 'visitor-limit' };
  if (b.holder !== undefined && ctx.visitorHolds.recent >= rules.unpaidHoldsPerVisitorPerDate) return { outcome: 'visitor-renewals' };
  if (ctx.heldInSlot >= rules.capacity) return { outcome: 'full' };
  return { outcome: 'created' };
}

/** The date of a slot id (`2027-03-03T18:00` → `2027-03-03`). */
export const slotDate = (slotId: string) => slotId.slice(0, 10);

/** `HoldContext.visitorHolds` from one visitor's unpaid bookings on a date. */
export function visitorHolds(unpaid: StoredBooking[], now: number, since: number): HoldContext['visitorHolds'] {
  return { live: unpaid.filter((b) => b.holdExpiresAt > now).length, recent: unpaid.filter((b) => b.createdAt > since).length };
}
