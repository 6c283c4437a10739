import type { TeppanErrorKind } from './errors';

/** One finished HTTP call (all its attempts together). */
export interface RequestLogEntry {
  type: 'request';
  method: string;
  /** The route template, e.g. `/bookings/:id`: no ids or keys. */
  route: string;
  /** Final HTTP status, if any response arrived. */
  status: number | undefined;
  attempts: number;
  durationMs: number;
  ok: boolean;
  errorKind?: TeppanErrorKind;
}

/** The client's live estimate and the server's quote disagreed; the server's figure was shown. */
export interface QuoteMismatchLogEntry {
  type: 'quote-mismatch';
  estimateCents: number;
  quoteCents: number;
  quoteId: string;
}

/**
 * A callback the host page gave a widget (`onBookingCreated`, `onError`, …) threw. The widget carried on as if it
 * had returned: what the visitor did still happened, and the error is the host page's to fix.
 */
export interface CallbackErrorLogEntry {
  type: 'callback-error';
  /** The prop it was given as, e.g. `onBookingCreated`. */
  callback: string;
  error: unknown;
}

export type LogEntry = RequestLogEntry | QuoteMismatchLogEntry | CallbackErrorLogEntry;

/** Receives timing and diagnostic entries. Teppan sends them nowhere unless the integrator passes one. */
export type LogHook = (entry: LogEntry) => void;

/** Calls the integrator's hook, never letting its failure break a widget. */
export function emitLog(hook: LogHook | undefined, entry: LogEntry): void {
  if (!hook) return;
  try {
    hook(entry);
  } catch {
    // A broken log hook must not break a booking.
  }
}

/**
 * Calls a callback the host page supplied, outside the widget's own error handling: a throw is the host's bug,
 * never the visitor's failure (a booking made is made, whatever the page's handler does with it). It is logged,
 * and said in the console as an uncaught error would have been, and the widget carries on.
 */
export function callHost<A extends unknown[]>(hook: LogHook | undefined, callback: string, fn: ((...args: A) => void) | undefined, args: A): void {
  try {
    fn?.(...args);
  } catch (error) {
    emitLog(hook, { type: 'callback-error', callback, error });
    console.error(`Teppan: the page's ${callback} threw; the widget carried on.`, error);
  }
}
