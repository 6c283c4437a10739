import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Payment } from '../../contract';
import { asTeppanError, type TeppanApi, TeppanError, TIMINGS } from '../../core';
import { useStableCallback } from '../../ui';
import { attemptStore, newAttempt, type PaymentAttempt } from './attempt';

/**
 * Where one deposit stands, as the visitor sees it:
 * - `ready`: the form takes card details (`notice` says why they are asked again)
 * - `paying`: starting the payment and sending the card
 * - `checking`: an answer was lost (or the page reloaded): asking the server how the payment stands
 * - `authenticating`: the card's bank wants the visitor to approve it
 * - `declined`: not charged; the form stays, the next attempt is a new intent
 * - `failed`: nothing was charged but the server could not be reached or refused for now
 * - `unsettled`: how the payment stands could not be found out; "Check again", never "Pay again"
 * - `paid`, `expired` (the hold ended), `already-paid` (another payment paid it)
 */
export type DepositState =
  | { step: 'ready'; notice?: string }
  | { step: 'paying' }
  | { step: 'checking' }
  | { step: 'authenticating'; payment: Payment; answering: boolean }
  | { step: 'declined'; payment: Payment }
  | { step: 'failed'; error: TeppanError }
  | { step: 'unsettled'; error: TeppanError }
  | { step: 'paid'; payment: Payment }
  | { step: 'expired' }
  | { step: 'already-paid' };

/**
 * The deposit is under way, or paid with the receipt on its way: the form is
 * read-only and "Pay deposit" takes no press (a paid form must never look
 * payable again while the booking is read back).
 */
export const isBusy = (state: DepositState) => ['paying', 'checking', 'authenticating', 'paid'].includes(state.step);

/** A provider's confirm: sends what the visitor entered for `payment` and resolves with our server's view of it. */
export type Confirm = (payment: Payment, idempotencyKey: string) => Promise<Payment>;

interface Options {
  api: TeppanApi;
  scope: string;
  bookingId: string;
  onPaid: (payment: Payment) => void;
  /** The server says the booking changed under the form (its hold expired, or another payment paid it): read it again. */
  onBookingChanged: () => void;
  /** A failure the visitor was shown. */
  onError: (error: TeppanError) => void;
}

const POLL_MS = 1500;
const MAX_POLLS = 20;

/**
 * A card sent moments ago may still be on its way to the server when the page
 * asks (a reload cut short the wait for its answer): until the client itself
 * would have given up on that attempt, "not charged" is not known yet.
 */
const mayStillLand = (attempt: PaymentAttempt) => Date.now() - (attempt.confirmSentAt ?? 0) < TIMINGS.payment.attemptMs;

/** The server's field paths as the form's fields: both halves of the expiry are one field. */
function cardFieldErrors(errors: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.replace(/^card\./, '').replace(/^exp(Month|Year)$/, 'expiry');
    out[field] ??= message;
  }
  return out;
}

/**
 * The deposit, paid exactly once. Each "Pay deposit" is one intent with its own
 * Idempotency-Keys, written to localStorage before anything is sent. A confirm
 * whose answer is lost (or a reload after one) is settled by asking for the
 * payment's status, never by paying again; a confirm that never reached the
 * server is re-sent with its key, which the server would answer with the first
 * result anyway.
 */
export function useDeposit({ api, scope, bookingId, onPaid, onBookingChanged, onError }: Options) {
  const store = useMemo(() => attemptStore(scope, bookingId), [scope, bookingId]);
  const [state, setState] = useState<DepositState>(() => (store.load()?.confirmSent ? { step: 'checking' } : { step: 'ready' }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const busy = useRef(false);
  /** The last confirm the visitor made on this page: what re-sends a card that never arrived. */
  const lastConfirm = useRef<Confirm | null>(null);
  const resent = useRef(false);
  const polls = useRef(0);
  /** Polling stops when the form goes away. */
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const paid = useStableCallback(onPaid);
  const changed = useStableCallback(onBookingChanged);
  const failed = useStableCallback(onError);

  /** A definitive answer that ends (or pauses) the attempt; false when the outcome is still unknown. */
  const refused = useCallback(
    (error: TeppanError, attempt: PaymentAttempt | null): boolean => {
      const code = error.problem?.code;
      if (code === 'hold-expired') {
        store.clear();
        setState({ step: 'expired' });
        changed();
        return true;
      }
      if (code === 'booking-already-paid') {
        // Paid meanwhile (another tab, another device): nothing more to charge; the receipt comes with the booking.
        store.clear();
        setState({ step: 'already-paid' });
        changed();
        return true;
      }
      if (error.kind === 'validation' && Object.keys(error.fieldErrors).length > 0) {
        // The card never got past our checks: fix it and send again, same intent.
        if (attempt) store.save({ ...attempt, confirmSent: false });
        setFieldErrors(cardFieldErrors(error.fieldErrors));
        setState({ step: 'ready' });
        return true;
      }
      if (code === 'payment-finished') {
        store.clear();
        setState({ step: 'ready', notice: 'That payment attempt had ended without a charge. Enter your card details to try again.' });
        return true;
      }
      return false;
    },
    [store, changed],
  );

  const settleRef = useRef<() => Promise<void>>(async () => {});

  const outcome = useCallback(
    (payment: Payment) => {
      switch (payment.status) {
        case 'succeeded':
          store.clear();
          setState({ step: 'paid', payment });
          paid(payment);
          return;
        case 'failed':
          store.clear();
          setState({ step: 'declined', payment });
          return;
        case 'requires_action':
          setState({ step: 'authenticating', payment, answering: false });
          return;
        default:
          // Processing with the provider, or not yet confirmed: ask again shortly.
          setState({ step: 'checking' });
          if (polls.current++ < MAX_POLLS) setTimeout(() => live.current && void settleRef.current(), POLL_MS);
          else setState({ step: 'unsettled', error: new TeppanError({ kind: 'timeout', userMessage: 'Your payment is still being processed.' }) });
      }
    },
    [store, paid],
  );

  /** Asks how the payment of the attempt in progress stands, and acts on the answer. */
  const settle = useCallback(async () => {
    const attempt = store.load();
    if (!attempt?.paymentId) {
      setState({ step: 'ready' });
      return;
    }
    setState({ step: 'checking' });
    try {
      const payment = await api.payment(attempt.paymentId);
      if (payment.status !== 'requires_confirmation') return outcome(payment);
      // The card never reached the server: nothing was charged. Re-send it once, with the same key.
      const confirm = lastConfirm.current;
      if (!attempt.confirmSent || !confirm || resent.current) {
        // Keep asking (polling) while the card may still land, rather than tell the visitor it was not charged.
        if (attempt.confirmSent && mayStillLand(attempt)) return outcome(payment);
        store.save({ ...attempt, confirmSent: false });
        setState({ step: 'ready', notice: 'Your payment didn’t go through, and nothing was charged. Enter your card details to try again.' });
        return;
      }
      resent.current = true;
      outcome(await confirm(payment, attempt.confirmKey));
    } catch (e) {
      const error = asTeppanError(e);
      if (refused(error, attempt)) return;
      setState({ step: 'unsettled', error });
      failed(error);
    }
  }, [api, store, outcome, refused, failed]);
  settleRef.current = settle;

  /** One "Pay deposit": start (or resume) this intent's payment, then confirm it through the provider. */
  const pay = useCallback(
    async (confirm: Confirm) => {
      if (busy.current) return; // a double click, Enter held down
      busy.current = true;
      lastConfirm.current = confirm;
      resent.current = false;
      polls.current = 0;
      setFieldErrors({});
      let attempt = store.load() ?? newAttempt(bookingId);
      store.save(attempt);
      setState({ step: 'paying' });
      try {
        let payment = attempt.paymentId ? await api.payment(attempt.paymentId) : undefined;
        if (payment?.status === 'failed') {
          // That intent ended (declined); this click is a new one.
          attempt = newAttempt(bookingId);
          payment = undefined;
        }
        payment ??= await api.startPayment(bookingId, { idempotencyKey: attempt.startKey });
        if (payment.status !== 'requires_confirmation') return outcome(payment);
        attempt = { ...attempt, paymentId: payment.id, confirmSent: true, confirmSentAt: Date.now() };
        store.save(attempt);
        outcome(await confirm(payment, attempt.confirmKey));
      } catch (e) {
        const error = asTeppanError(e);
        if (refused(error, attempt)) return;
        if (attempt.confirmSent) {
          // The card was sent and no clear answer came back: find out, don't guess.
          await settle();
        } else {
          setState({ step: 'failed', error });
          failed(error);
        }
      } finally {
        busy.current = false;
      }
    },
    [api, store, bookingId, outcome, refused, settle, failed],
  );

  /** The visitor's answer to the bank's question (test provider). */
  const authenticate = useCallback(
    async (answer: 'approve' | 'cancel') => {
      if (busy.current || state.step !== 'authenticating') return;
      busy.current = true;
      const attempt = store.load();
      setState({ ...state, answering: true });
      try {
        outcome(await api.authenticatePayment(state.payment.id, { outcome: answer }, { idempotencyKey: attempt?.authenticateKey ?? state.payment.id }));
      } catch (e) {
        if (!refused(asTeppanError(e), attempt)) await settle();
      } finally {
        busy.current = false;
      }
    },
    [api, store, state, outcome, refused, settle],
  );

  // A reload after the card was sent: its outcome is asked for before anything else.
  const checkedOnArrival = useRef(false);
  useEffect(() => {
    if (checkedOnArrival.current) return;
    checkedOnArrival.current = true;
    if (store.load()?.confirmSent) void settle();
  }, [store, settle]);

  // Back online with an unknown outcome: ask again.
  useEffect(() => {
    if (state.step !== 'unsettled') return;
    const online = () => void settle();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [state.step, settle]);

  const retry = useCallback(() => {
    if (state.step === 'unsettled') void settle();
    else if (lastConfirm.current) void pay(lastConfirm.current);
  }, [state.step, settle, pay]);

  return { state, fieldErrors, setFieldErrors, pay, authenticate, retry };
}

export type Deposit = ReturnType<typeof useDeposit>;
