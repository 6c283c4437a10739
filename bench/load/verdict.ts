// What the load bench checks after each run: the bookings as the business sees them (the admin list)
// against what the visitors were told.
import type { AdminBooking } from '../../src/contract';
import { GIVE_UP_MS, type GivenUp } from './client';
import type { Ledger } from './visit';

export interface Verdict {
  /** Bookings that hold a chef team (held or paid), and those paid. */
  live: number;
  paid: number;
  /** Bookings beyond a seating's teams, summed over the seatings. */
  overbooked: number;
  /** Bookings or payments made twice: a second booking of one quote or of one key, a second successful payment of one booking. */
  duplicated: number;
  /** What a visitor was told was done that is not there, and requests that never got an answer. */
  lost: number;
  /** One line per kind of failure, for the notes under the table. */
  causes: string[];
}

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
export const tally = (counts: Map<string, number>) => [...counts].map(([what, n]) => `${n} × ${what}`).join(', ');

export function verdictOf(bookings: AdminBooking[], ledger: Ledger, givenUp: GivenUp[], capacity: number): Verdict {
  const holding = bookings.filter((b) => b.status === 'pending_deposit' || b.status === 'confirmed');
  const perSeating = countBy(holding, (b) => b.slotId);
  const overbooked = [...perSeating.values()].reduce((sum, n) => sum + Math.max(0, n - capacity), 0);

  // Every booking beyond the first of its quote, or beyond the first its key was answered with: each counted once.
  const firstOfQuote = new Map<string, string>();
  for (const b of [...bookings].sort((x, y) => x.createdAt.localeCompare(y.createdAt))) if (!firstOfQuote.has(b.quoteId)) firstOfQuote.set(b.quoteId, b.id);
  const secondOfQuote = bookings.filter((b) => firstOfQuote.get(b.quoteId) !== b.id).map((b) => b.id);
  const keysAnsweredTwice = ledger.filter((intent) => intent.bookingIds.size > 1);
  const doubled = new Set([...secondOfQuote, ...keysAnsweredTwice.flatMap((intent) => [...intent.bookingIds].slice(1))]);
  const extraPayments = bookings.reduce((sum, b) => sum + Math.max(0, b.payments.filter((p) => p.status === 'succeeded').length - 1), 0);

  const byId = new Map(bookings.map((b) => [b.id, b]));
  const told = ledger.flatMap((intent) => [...intent.bookingIds, ...(intent.namedByConflict ? [intent.namedByConflict] : [])]);
  const missing = told.filter((id) => !byId.has(id));
  const unpaid = ledger.filter(
    ({ paid }) =>
      paid &&
      (byId.get(paid.bookingId)?.status !== 'confirmed' ||
        !byId.get(paid.bookingId)?.payments.some((p) => p.id === paid.paymentId && p.status === 'succeeded')),
  );

  const causes = [
    overbooked &&
      `overbooked: ${[...perSeating]
        .filter(([, n]) => n > capacity)
        .map(([slot, n]) => `${slot} holds ${n} of ${capacity}`)
        .join(', ')}`,
    secondOfQuote.length && `second bookings of a quote: ${secondOfQuote.length}`,
    keysAnsweredTwice.length && `keys answered with two bookings: ${keysAnsweredTwice.length}`,
    extraPayments && `second successful payments of a booking: ${extraPayments}`,
    missing.length && `bookings answered 201 but not in the admin list: ${missing.length}`,
    unpaid.length && `payments answered succeeded whose booking is not paid in the admin list: ${unpaid.length}`,
    givenUp.length && `given up after ${GIVE_UP_MS / 1000} s: ${tally(countBy(givenUp, (g) => `${g.kind} (last: ${g.last})`))}`,
  ].filter((cause): cause is string => Boolean(cause));
  return {
    live: holding.length,
    paid: bookings.filter((b) => b.status === 'confirmed').length,
    overbooked,
    duplicated: doubled.size + extraPayments,
    lost: missing.length + unpaid.length + givenUp.length,
    causes,
  };
}
