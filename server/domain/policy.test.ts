import { describe, expect, it } from 'vitest';
import type { StoredBooking, StoredPayment } from '../store/types';
import { canCancel, canReschedule, refundCentsIfCancelled } from './policy';

const DAY = 86_400_000;
const START = Date.parse('2027-03-20T01:00:00Z');
const policy = { rescheduleUntilDays: 7, refundUntilDays: 3 };
const booking = (status: StoredBooking['status'] = 'confirmed') => ({ id: 'bk_1', start: START, status, paymentId: 'pay_1' }) as StoredBooking;
const paid = { id: 'pay_1', status: 'succeeded', amountCents: 10_000 } as StoredPayment;

describe('the booking policy', () => {
  it('allows a reschedule up to and at the window edge, not a millisecond after', () => {
    expect(canReschedule(booking(), policy, START - 8 * DAY)).toBe(true);
    expect(canReschedule(booking(), policy, START - 7 * DAY)).toBe(true);
    expect(canReschedule(booking(), policy, START - 7 * DAY + 1)).toBe(false);
  });

  it('allows a cancel until the event starts', () => {
    expect(canCancel(booking(), START - 1)).toBe(true);
    expect(canCancel(booking(), START)).toBe(false);
  });

  it('refunds the deposit up to and at the refund window edge, nothing after', () => {
    expect(refundCentsIfCancelled(booking(), [paid], policy, START - 3 * DAY)).toBe(10_000);
    expect(refundCentsIfCancelled(booking(), [paid], policy, START - 3 * DAY + 1)).toBe(0);
    expect(refundCentsIfCancelled(booking(), [paid], policy, START)).toBe(0);
  });

  it('manages only confirmed bookings, and never refunds twice', () => {
    for (const status of ['pending_deposit', 'cancelled'] as const) {
      expect(canReschedule(booking(status), policy, START - 30 * DAY)).toBe(false);
      expect(canCancel(booking(status), START - 30 * DAY)).toBe(false);
      expect(refundCentsIfCancelled(booking(status), [paid], policy, START - 30 * DAY)).toBe(0);
    }
    const refunded: StoredPayment = { ...paid, refund: { amountCents: 10_000, status: 'pending' } };
    expect(refundCentsIfCancelled(booking(), [refunded], policy, START - 30 * DAY)).toBe(0);
    expect(refundCentsIfCancelled(booking(), [{ ...paid, id: 'pay_other' }], policy, START - 30 * DAY)).toBe(0);
  });
});
