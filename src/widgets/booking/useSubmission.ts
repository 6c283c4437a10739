import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { Booking } from '../../contract';
import { isRefusal, newIdempotencyKey, type TeppanApi, type TeppanError } from '../../core';
import { type BookingDraft, requestOf } from './draft';

export type Submission =
  | { status: 'idle' }
  | { status: 'sending'; checking: boolean }
  /** Not sent, or sent with no answer, while offline: sent again when the network is back. */
  | { status: 'offline' }
  /** Failed; `uncertain` means the server may have the booking, so a retry re-sends the same request. */
  | { status: 'failed'; error: TeppanError; uncertain: boolean };

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

interface Options {
  api: TeppanApi;
  /** The draft as it is now (a ref: sending must see edits made while a request was away). */
  draft: RefObject<BookingDraft>;
  save: (draft: BookingDraft) => void;
  onCreated: (booking: Booking) => void;
  /** A definitive refusal: nothing was created; route it to where the visitor can fix it. */
  onRefused: (error: TeppanError) => void;
  /** A failure shown to the visitor as it is (with "Try again"). */
  onFailed?: ((error: TeppanError) => void) | undefined;
}

/**
 * Sends the booking exactly once per intent. The request is written into the
 * draft before it leaves, with the draft's Idempotency-Key; until a definite
 * answer arrives it is re-sent byte for byte (after a reload, when the network
 * returns, on "Try again"), so the server answers with the booking it may
 * already hold instead of making a second one.
 */
export function useSubmission({ api, draft, save, onCreated, onRefused, onFailed }: Options) {
  const [state, setState] = useState<Submission>({ status: 'idle' });
  const inFlight = useRef(false);

  const send = useCallback(
    async (checking = false) => {
      const current = draft.current;
      // One request at a time: a double click, Enter held down, or a reconnect during a send.
      if (inFlight.current) return;
      const body = current.pending ?? requestOf(current);
      save({ ...current, pending: body });
      if (isOffline()) {
        setState({ status: 'offline' });
        return;
      }
      inFlight.current = true;
      setState({ status: 'sending', checking });
      try {
        const booking = await api.createBooking(body, { idempotencyKey: current.idempotencyKey });
        setState({ status: 'idle' });
        onCreated(booking);
      } catch (e) {
        const error = e as TeppanError;
        const latest = draft.current;
        if (error.kind === 'validation' && error.problem?.code === 'idempotency-key-reused') {
          // The key already made a booking from other details; never guess which: start a fresh intent.
          save({ ...latest, pending: null, idempotencyKey: newIdempotencyKey() });
          setState({ status: 'failed', error, uncertain: false });
          onFailed?.(error);
        } else if (isRefusal(error)) {
          save({ ...latest, pending: null });
          setState({ status: 'idle' });
          onRefused(error);
        } else if (isOffline()) {
          setState({ status: 'offline' });
        } else {
          setState({ status: 'failed', error, uncertain: true });
          onFailed?.(error);
        }
      } finally {
        inFlight.current = false;
      }
    },
    [api, draft, save, onCreated, onRefused, onFailed],
  );

  // A request whose answer never arrived (reload, closed tab, lost network) is asked again on arrival.
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current || !draft.current.pending) return;
    checked.current = true;
    void send(true);
  }, [draft, send]);

  useEffect(() => {
    const online = () => {
      if (draft.current.pending) void send(true);
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [draft, send]);

  return { state, send, reset: () => setState({ status: 'idle' }) };
}
