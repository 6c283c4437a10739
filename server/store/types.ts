import type { Address, Customer, Quote } from '../../src/contract';

export interface StoredQuote extends Quote {
  tenantId: string;
}

export interface StoredBooking {
  id: string;
  tenantId: string;
  slotId: string;
  /** Epoch ms. */
  start: number;
  quoteId: string;
  guests: number;
  totalCents: number;
  depositCents: number;
  currency: string;
  customer: Customer;
  address: Address;
  notes: string;
  /** Stored state; an unpaid hold past `holdExpiresAt` reads as expired. */
  status: 'pending_deposit' | 'confirmed' | 'cancelled';
  holdExpiresAt: number;
  createdAt: number;
}

export type IdempotencyBegin = { state: 'started' } | { state: 'in_flight' } | { state: 'mismatch' } | { state: 'replay'; status: number; body: string };

/**
 * Persistence behind the reference API. Methods are synchronous on purpose:
 * each is one atomic step (a SQLite transaction, or one turn of the event
 * loop in memory), which is what keeps capacity from ever being exceeded.
 */
export interface Store {
  saveQuote(quote: StoredQuote): void;
  getQuote(tenantId: string, id: string): StoredQuote | undefined;

  /**
   * Inserts the booking only if fewer than `capacity` bookings hold its
   * seating at `now` (confirmed, or pending with an unexpired hold).
   */
  createBookingIfFree(booking: StoredBooking, capacity: number, now: number): 'created' | 'full';
  getBooking(tenantId: string, id: string): StoredBooking | undefined;
  listBookings(tenantId: string): StoredBooking[];
  /** Seatings held at `now`, counted per slot id, for slots on dates `from`…`to` (inclusive). */
  heldCounts(tenantId: string, from: string, to: string, now: number): Map<string, number>;

  /**
   * Claims an idempotency key for a request with this fingerprint. A claim
   * older than `staleAfterMs` that never finished (a crashed request) is taken over.
   */
  beginIdempotent(scope: string, key: string, fingerprint: string, now: number, staleAfterMs: number): IdempotencyBegin;
  finishIdempotent(scope: string, key: string, status: number, body: string): void;
  /** Forgets a claim whose request created nothing, so the key can be used again. */
  releaseIdempotent(scope: string, key: string): void;

  close(): void;
}
