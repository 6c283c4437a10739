import { useCallback, useEffect } from 'react';
import type { Booking } from '../../contract';
import { asTeppanError, isRefusal, type Machine, newIdempotencyKey, type TeppanApi, type TeppanError } from '../../core';
import { useStableCallback } from '../../ui';
import type { StepsAction, StepsModel } from './stepsReducer';

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

interface Options {
  api: TeppanApi;
  /** The form's machine: sending reads the draft as it is now, with edits made while a request was away. */
  machine: Machine<StepsModel, StepsAction>;
  onCreated: (booking: Booking) => void;
  /** A definitive refusal: nothing was created; route it to where the visitor can fix it. */
  onRefused: (error: TeppanError) => void;
  /** A failure shown to the visitor as it is (with "Try again"). */
  onFailed: (error: TeppanError) => void;
  /** The form's language (a BCP 47 tag): the server writes the customer's emails in it. */
  locale: string;
}

/**
 * Sends the booking exactly once per intent. The request is written into the
 * draft before it leaves, with the draft's Idempotency-Key; until a definite
 * answer arrives it is re-sent byte for byte (after a reload, when the network
 * returns, on "Try again"), so the server answers with the booking it may
 * already hold instead of making a second one.
 */
export function useSubmission({ api, machine, onCreated, onRefused, onFailed, locale }: Options) {
  const { get, dispatch } = machine;
  const created = useStableCallback(onCreated);
  const refused = useStableCallback(onRefused);
  const failed = useStableCallback(onFailed);

  const send = useCallback(
    async (checking = false) => {
      // One request at a time: a double click, Enter held down, or a reconnect during a send.
      if (get().submission.status === 'sending') return;
      dispatch({ type: 'send', checking, offline: isOffline() });
      const { draft, submission } = get();
      if (submission.status !== 'sending' || !draft.pending) return;
      let booking: Booking;
      try {
        booking = await api.createBooking({ ...draft.pending, locale }, { idempotencyKey: draft.idempotencyKey });
      } catch (e) {
        const error = asTeppanError(e);
        if (error.kind === 'validation' && error.problem?.code === 'idempotency-key-reused') {
          // The key already made a booking from other details; never guess which: start a fresh intent.
          dispatch({ type: 'key-reused', error, key: newIdempotencyKey() });
          failed(error);
        } else if (isRefusal(error)) {
          refused(error);
        } else if (isOffline()) {
          dispatch({ type: 'offline' });
        } else {
          dispatch({ type: 'failed', error });
          failed(error);
        }
        return;
      }
      // Outside the try: the booking is made, whatever is done with it next (the page's own callback included).
      created(booking);
    },
    [api, get, dispatch, created, refused, failed, locale],
  );

  // A request whose answer never arrived (reload, closed tab, lost network) is asked again on arrival.
  useEffect(() => {
    if (get().draft.pending) void send(true);
  }, [get, send]);

  useEffect(() => {
    const online = () => {
      if (get().draft.pending) void send(true);
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [get, send]);

  return { send };
}
