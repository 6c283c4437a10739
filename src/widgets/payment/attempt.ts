import { newIdempotencyKey, safeStorage } from '../../core';

/**
 * One "Pay deposit" intent, kept in localStorage from the click until its
 * outcome is known, so a reload or a lost answer is settled by asking, never by
 * paying again. Card details are never part of it.
 */
export interface PaymentAttempt {
  v: 1;
  bookingId: string;
  /** Starts the payment; repeats of the start with it return the same payment. */
  startKey: string;
  /** Sends the card; repeats with it replay the first answer instead of charging again. */
  confirmKey: string;
  /** Answers the authentication step. */
  authenticateKey: string;
  paymentId: string | null;
  /** The card was sent: until its outcome is known, the payment's status is asked before anything else. */
  confirmSent: boolean;
  /** When the card was sent (epoch ms; absent in attempts of earlier releases): it may still land for a while after. */
  confirmSentAt?: number;
}

export function newAttempt(bookingId: string): PaymentAttempt {
  return {
    v: 1,
    bookingId,
    startKey: newIdempotencyKey(),
    confirmKey: newIdempotencyKey(),
    authenticateKey: newIdempotencyKey(),
    paymentId: null,
    confirmSent: false,
  };
}

const isText = (v: unknown) => typeof v === 'string' && v.length > 0;

function isAttempt(value: unknown): value is PaymentAttempt {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    a.v === 1 &&
    isText(a.bookingId) &&
    isText(a.startKey) &&
    isText(a.confirmKey) &&
    isText(a.authenticateKey) &&
    (a.paymentId === null || isText(a.paymentId)) &&
    typeof a.confirmSent === 'boolean' &&
    (a.confirmSentAt === undefined || typeof a.confirmSentAt === 'number')
  );
}

/** The attempt in progress for one booking. */
export function attemptStore(scope: string, bookingId: string) {
  const key = `teppan:payment-attempt:${scope}:${bookingId}`;
  return {
    load: (): PaymentAttempt | null => {
      const found = safeStorage.read(key, isAttempt);
      return found?.bookingId === bookingId ? found : null;
    },
    save: (attempt: PaymentAttempt) => safeStorage.write(key, attempt),
    clear: () => safeStorage.remove(key),
  };
}

export type AttemptStore = ReturnType<typeof attemptStore>;
