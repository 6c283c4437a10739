import { useCallback, useEffect, useMemo } from 'react';
import type { Payment } from '../../contract';
import { asTeppanError, type TeppanApi, type TeppanError, TIMINGS } from '../../core';
import { useMachine, useStableCallback } from '../../ui';
import { attemptStore, newAttempt, type PaymentAttempt } from './attempt';
import { type Confirm, depositReducer, initialDeposit, refusalOf, waitingToAsk } from './depositReducer';

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

/**
 * A card sent moments ago may still be on its way to the server when the page
 * asks (a reload cut short the wait for its answer): until the client itself
 * would have given up on that attempt, "not charged" is not known yet.
 */
const mayStillLand = (attempt: PaymentAttempt) => Date.now() - (attempt.confirmSentAt ?? 0) < TIMINGS.payment.attemptMs;

/**
 * The deposit, paid exactly once. Each "Pay deposit" is one intent with its own
 * Idempotency-Keys, written to localStorage before anything is sent. A confirm
 * whose answer is lost (or a reload after one) is settled by asking for the
 * payment's status, never by paying again; a confirm that never reached the
 * server is re-sent with its key, which the server would answer with the first
 * result anyway. What the visitor sees is decided by `depositReducer`; this
 * hook does the calls and the storage, and tells it what happened.
 */
export function useDeposit({ api, scope, bookingId, onPaid, onBookingChanged, onError }: Options) {
  const store = useMemo(() => attemptStore(scope, bookingId), [scope, bookingId]);
  const [model, { get, dispatch }] = useMachine(depositReducer, () => initialDeposit(store.load()?.confirmSent ?? false));
  const paid = useStableCallback(onPaid);
  const changed = useStableCallback(onBookingChanged);
  const failed = useStableCallback(onError);

  /** A definitive answer that ends (or pauses) the attempt; false when the outcome is still unknown. */
  const refuse = useCallback(
    (error: TeppanError, attempt: PaymentAttempt | null): boolean => {
      const refusal = refusalOf(error);
      if (!refusal) return false;
      if (refusal.kind !== 'card') store.clear();
      else if (attempt) store.save({ ...attempt, confirmSent: false });
      dispatch({ type: 'refused', refusal });
      if (refusal.kind === 'expired' || refusal.kind === 'already-paid') changed();
      return true;
    },
    [store, dispatch, changed],
  );

  const outcome = useCallback(
    (payment: Payment) => {
      if (payment.status === 'succeeded' || payment.status === 'failed') store.clear();
      dispatch({ type: 'payment', payment });
      if (payment.status === 'succeeded') paid(payment);
    },
    [store, dispatch, paid],
  );

  /** Asks how the payment of the attempt in progress stands, and acts on the answer. */
  const settle = useCallback(async () => {
    if (get().asking) return;
    const attempt = store.load();
    if (!attempt?.paymentId) return dispatch({ type: 'not-charged' });
    dispatch({ type: 'ask' });
    let payment: Payment;
    try {
      payment = await api.payment(attempt.paymentId);
      const { confirm, resent } = get();
      if (payment.status === 'requires_confirmation') {
        if (attempt.confirmSent && confirm && !resent) {
          // The card never reached the server: nothing was charged. Re-send it once, with the same key.
          dispatch({ type: 'resend' });
          payment = await confirm(payment, attempt.confirmKey);
        } else if (!(attempt.confirmSent && mayStillLand(attempt))) {
          store.save({ ...attempt, confirmSent: false });
          return dispatch({ type: 'not-charged', notice: 'not-charged' });
        }
      }
    } catch (e) {
      const error = asTeppanError(e);
      if (refuse(error, attempt)) return;
      dispatch({ type: 'unsettled', error });
      return failed(error);
    }
    // Still processing, or a card that may still land: the reducer has it asked again shortly, rather than tell the
    // visitor it was not charged.
    outcome(payment);
  }, [api, store, get, dispatch, outcome, refuse, failed]);

  /** One "Pay deposit": start (or resume) this intent's payment, then confirm it through the provider. */
  const pay = useCallback(
    async (confirm: Confirm) => {
      if (get().busy) return; // a double click, Enter held down
      dispatch({ type: 'pay', confirm });
      let attempt = store.load() ?? newAttempt(bookingId);
      store.save(attempt);
      let payment: Payment | undefined;
      try {
        payment = attempt.paymentId ? await api.payment(attempt.paymentId) : undefined;
        if (payment?.status === 'failed') {
          // That intent ended (declined); this click is a new one.
          attempt = newAttempt(bookingId);
          payment = undefined;
        }
        payment ??= await api.startPayment(bookingId, { idempotencyKey: attempt.startKey });
        if (payment.status === 'requires_confirmation') {
          attempt = { ...attempt, paymentId: payment.id, confirmSent: true, confirmSentAt: Date.now() };
          store.save(attempt);
          payment = await confirm(payment, attempt.confirmKey);
        }
      } catch (e) {
        payment = undefined;
        const error = asTeppanError(e);
        if (!refuse(error, attempt)) {
          if (attempt.confirmSent) {
            // The card was sent and no clear answer came back: find out, don't guess.
            await settle();
          } else {
            dispatch({ type: 'failed', error });
            failed(error);
          }
        }
      }
      dispatch({ type: 'done' });
      if (payment) outcome(payment);
    },
    [api, store, bookingId, get, dispatch, outcome, refuse, settle, failed],
  );

  /** The visitor's answer to the bank's question (test provider). */
  const authenticate = useCallback(
    async (answer: 'approve' | 'cancel') => {
      const { busy, state } = get();
      if (busy || state.step !== 'authenticating') return;
      dispatch({ type: 'answer' });
      const attempt = store.load();
      let payment: Payment | undefined;
      try {
        payment = await api.authenticatePayment(state.payment.id, { outcome: answer }, { idempotencyKey: attempt?.authenticateKey ?? state.payment.id });
      } catch (e) {
        if (!refuse(asTeppanError(e), attempt)) await settle();
      }
      dispatch({ type: 'done' });
      if (payment) outcome(payment);
    },
    [api, store, get, dispatch, outcome, refuse, settle],
  );

  // A reload after the card was sent: its outcome is asked for before anything else (once: an ask waits for its answer).
  useEffect(() => {
    if (store.load()?.confirmSent) void settle();
  }, [store, settle]);

  // Still processing: ask again after a pause (the timer goes with the form).
  const waiting = waitingToAsk(model);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => void settle(), POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, settle]);

  // Back online with an unknown outcome: ask again.
  useEffect(() => {
    if (model.state.step !== 'unsettled') return;
    const online = () => void settle();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [model.state.step, settle]);

  const retry = useCallback(() => {
    const { state, confirm } = get();
    if (state.step === 'unsettled') void settle();
    else if (confirm) void pay(confirm);
  }, [get, settle, pay]);

  return {
    state: model.state,
    fieldErrors: model.fieldErrors,
    /** The visitor changed a field: the server's message about it goes. */
    edited: useCallback((field: string) => dispatch({ type: 'edited', field }), [dispatch]),
    pay,
    authenticate,
    retry,
  };
}

export type Deposit = ReturnType<typeof useDeposit>;
