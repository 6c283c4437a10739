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

export type LogEntry = RequestLogEntry | QuoteMismatchLogEntry;

/** Receives timing and diagnostic entries. Teppan logs nothing unless the integrator passes one. */
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
