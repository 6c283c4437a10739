import type { CardSummary } from '../../src/contract';
import type { SettleOptions, SettleResult, StoredBooking, StoredPayment } from './types';

const UNFINISHED = new Set<StoredPayment['status']>(['requires_confirmation', 'requires_action', 'processing']);

export const isUnfinished = (p: StoredPayment) => UNFINISHED.has(p.status);

/** Whether a booking holds its seating at `now`: confirmed, or pending with an unexpired hold. */
export const holdsSeating = (b: StoredBooking, now: number) => b.status === 'confirmed' || (b.status === 'pending_deposit' && b.holdExpiresAt > now);

export interface SettleInput extends SettleOptions {
  payment: StoredPayment | undefined;
  booking: StoredBooking | undefined;
  card: CardSummary | undefined;
  now: number;
  /** Other bookings holding the same seating now (only read for a late settle). */
  othersHolding: () => number;
}

/**
 * The one decision both stores make inside their transaction: what settling
 * this payment as paid does. Returns the records to write on `paid`.
 */
export function decideSettle({ payment, booking, card, now, late, from, othersHolding }: SettleInput): SettleResult {
  if (!payment) return { outcome: 'not-payable', reason: 'no-payment' };
  if (from && payment.status !== from) return { outcome: 'moved', payment };
  if (!booking) return { outcome: 'not-payable', reason: 'no-booking' };
  if (booking.status === 'confirmed') {
    return booking.paymentId === payment.id ? { outcome: 'already-settled', payment, booking } : { outcome: 'paid-by-another', booking };
  }
  if (booking.status === 'cancelled') return { outcome: 'not-payable', reason: 'cancelled' };
  if (!isUnfinished(payment)) return { outcome: 'not-payable', reason: 'payment-finished' };
  const expired = booking.holdExpiresAt <= now;
  if (expired && !(late && othersHolding() < late.capacity)) return { outcome: 'hold-expired', booking };
  return {
    outcome: 'paid',
    payment: { ...payment, status: 'succeeded', ...(card ? { card } : {}), updatedAt: now },
    booking: { ...booking, status: 'confirmed', paymentId: payment.id, paidAt: now },
  };
}
