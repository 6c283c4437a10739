import type { BookingPolicy, Catalog } from '../../src/contract';
import type { StoredBooking, StoredPayment } from '../store/types';

const DAY_MS = 86_400_000;

/** A tenant whose catalog states no policy gets the demo's: changes and refunds up to a week before. */
export const DEFAULT_POLICY: BookingPolicy = { rescheduleUntilDays: 7, refundUntilDays: 7 };

export const policyOf = (catalog: Catalog): BookingPolicy => catalog.booking.policy ?? DEFAULT_POLICY;

/** The last instant (epoch ms) a booking may still be moved: the window's edge itself included. */
export const rescheduleDeadline = (b: Pick<StoredBooking, 'start'>, policy: BookingPolicy) => b.start - policy.rescheduleUntilDays * DAY_MS;
/** The last instant a cancellation still refunds the deposit. */
export const refundDeadline = (b: Pick<StoredBooking, 'start'>, policy: BookingPolicy) => b.start - policy.refundUntilDays * DAY_MS;

/** Only a confirmed booking (deposit paid) is managed; it moves until the policy's window closes. */
export const canReschedule = (b: StoredBooking, policy: BookingPolicy, now: number) => b.status === 'confirmed' && now <= rescheduleDeadline(b, policy);

/** A confirmed booking may be cancelled until it starts; whether it refunds is `refundCentsIfCancelled`. */
export const canCancel = (b: StoredBooking, now: number) => b.status === 'confirmed' && now < b.start;

/** What cancelling now gives back: the deposit paid (less anything already refunded) inside the refund window, else nothing. */
export function refundCentsIfCancelled(b: StoredBooking, payments: readonly StoredPayment[], policy: BookingPolicy, now: number): number {
  if (!canCancel(b, now) || now > refundDeadline(b, policy)) return 0;
  const paid = payments.find((p) => p.id === b.paymentId && p.status === 'succeeded');
  return paid ? paid.amountCents - (paid.refund?.amountCents ?? 0) : 0;
}
