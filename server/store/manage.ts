import type { BookingPolicy } from '../../src/contract';
import { canCancel, canReschedule, refundCentsIfCancelled } from '../domain/policy';
import type { StoredBooking, StoredPayment } from './types';

/** Where a reschedule moves a booking: the seating, and the price as re-quoted for its date. */
export interface RescheduleTo {
  slotId: string;
  /** Epoch ms. */
  start: number;
  quoteId: string;
  totalCents: number;
}

export interface RescheduleRules {
  /** Chef teams per seating, as for a new hold. */
  capacity: number;
  policy: BookingPolicy;
}

/** How a reschedule went; only `rescheduled` wrote anything. */
export type RescheduleOutcome =
  | { outcome: 'rescheduled'; booking: StoredBooking }
  /** Already on that seating (a repeat): nothing to do. */
  | { outcome: 'unchanged'; booking: StoredBooking }
  /** Gone, never paid, or cancelled: nothing a manage link may change. */
  | { outcome: 'not-managed'; booking?: StoredBooking }
  | { outcome: 'too-late'; booking: StoredBooking }
  | { outcome: 'full'; booking: StoredBooking };

/** How a cancellation went; only `cancelled` wrote anything. `refundCents` is what this booking's cancellation refunds. */
export type CancelOutcome =
  | { outcome: 'cancelled'; booking: StoredBooking; payment?: StoredPayment; refundCents: number }
  /** Cancelled before (by a concurrent or earlier request): what that cancellation refunded. */
  | { outcome: 'already-cancelled'; booking: StoredBooking; payment?: StoredPayment; refundCents: number }
  | { outcome: 'not-managed'; booking?: StoredBooking }
  /** The event has started. */
  | { outcome: 'too-late'; booking: StoredBooking };

/**
 * The one decision every store makes inside its transaction, with the target
 * seating's date locked: the booking keeps its id and its payment, and takes
 * a team on the new seating under the same capacity rule as a new hold.
 */
export function decideReschedule(
  booking: StoredBooking | undefined,
  to: RescheduleTo,
  rules: RescheduleRules,
  now: number,
  heldInTarget: number,
): RescheduleOutcome {
  if (booking?.status !== 'confirmed') return { outcome: 'not-managed', ...(booking ? { booking } : {}) };
  if (booking.slotId === to.slotId) return { outcome: 'unchanged', booking };
  if (!canReschedule(booking, rules.policy, now)) return { outcome: 'too-late', booking };
  if (heldInTarget >= rules.capacity) return { outcome: 'full', booking };
  return {
    outcome: 'rescheduled',
    booking: { ...booking, ...to, reschedules: (booking.reschedules ?? 0) + 1, rescheduledAt: now },
  };
}

/**
 * The one decision every store makes inside its transaction, with the
 * booking and its payment locked: a refund is recorded `pending` on the
 * payment in the same write that cancels, so two cancellations at once
 * refund once, and a refund the provider has not done yet is never forgotten.
 */
export function decideCancel(
  booking: StoredBooking | undefined,
  payment: StoredPayment | undefined,
  policy: BookingPolicy,
  now: number,
  reason?: string,
): CancelOutcome {
  const paid = payment && payment.id === booking?.paymentId ? payment : undefined;
  if (booking?.status === 'cancelled')
    return { outcome: 'already-cancelled', booking, ...(paid ? { payment: paid } : {}), refundCents: paid?.refund?.amountCents ?? 0 };
  if (booking?.status !== 'confirmed') return { outcome: 'not-managed', ...(booking ? { booking } : {}) };
  if (!canCancel(booking, now)) return { outcome: 'too-late', booking };
  const refundCents = refundCentsIfCancelled(booking, paid ? [paid] : [], policy, now);
  const cancelled: StoredBooking = { ...booking, status: 'cancelled', cancelledAt: now, ...(reason ? { cancelReason: reason } : {}) };
  const refunded: StoredPayment | undefined =
    paid && refundCents > 0 ? { ...paid, refund: { amountCents: refundCents, status: 'pending' }, updatedAt: now } : paid;
  return { outcome: 'cancelled', booking: cancelled, ...(refunded ? { payment: refunded } : {}), refundCents };
}

/** A cancellation's refund, once the provider has done it; anything else is left as it is. */
export const refundDone = (p: StoredPayment, now: number): StoredPayment | undefined =>
  p.refund?.status === 'pending' ? { ...p, refund: { ...p.refund, status: 'succeeded' }, updatedAt: now } : undefined;
