import type { BookingRequest } from '../../contract';
import { newIdempotencyKey, safeStorage } from '../../core';

/** The form's steps, in order (their names are the catalog's `step.<n>`). */
export const STEPS = [0, 1, 2, 3] as const;
export type Step = 0 | 1 | 2 | 3;

/**
 * Everything the visitor has done in the booking form, kept in localStorage
 * from the first keystroke. Once the server has acknowledged the booking its
 * id is kept with it, so a reload comes back to the hold and its payment, and
 * an expired hold can be booked again with everything kept; paying the deposit
 * leaves only the id.
 */
export interface BookingDraft {
  v: 1;
  quoteId: string;
  step: Step;
  /** The day shown in the calendar, `YYYY-MM-DD`. */
  day: string | null;
  slotId: string | null;
  address: { line1: string; city: string; zip: string };
  notes: string;
  customer: { name: string; email: string; phone: string };
  /** Made once for this booking intent; every attempt and resubmission reuses it. */
  idempotencyKey: string;
  /**
   * The request last sent whose outcome is unknown (no answer, offline). It is
   * sent again, byte for byte with the same key, before anything else: the
   * server then answers with the booking it may already have made.
   */
  pending: BookingRequest | null;
  /** The booking the server made of this draft (absent in drafts of earlier releases). */
  bookingId?: string | null;
  /**
   * A booking must be on its quote's date: when the visitor picks a seating on
   * another day, the same party and menu are quoted again for that day, and the
   * booking carries that quote.
   */
  dayQuote?: DayQuote | null;
}

export interface DayQuote {
  id: string;
  eventDate: string;
}

export function newDraft(quoteId: string, zip: string, keep?: BookingDraft | null): BookingDraft {
  return {
    v: 1,
    quoteId,
    step: 0,
    day: null,
    slotId: null,
    // A new quote starts a new booking, but the visitor's own details carry over.
    address: keep ? { ...keep.address, zip } : { line1: '', city: '', zip },
    notes: keep?.notes ?? '',
    customer: keep?.customer ?? { name: '', email: '', phone: '' },
    idempotencyKey: newIdempotencyKey(),
    pending: null,
    bookingId: null,
    dayQuote: null,
  };
}

/** The same details for a new booking intent (its hold expired): a new key, a seating to choose again. */
export function rebookDraft(draft: BookingDraft, idempotencyKey: string): BookingDraft {
  return { ...draft, step: 0, slotId: null, pending: null, bookingId: null, idempotencyKey };
}

/** A paid booking needs none of the visitor's details kept on this device: only which booking it was. */
export function paidDraft(draft: BookingDraft): BookingDraft {
  return { ...newDraft(draft.quoteId, draft.address.zip), idempotencyKey: draft.idempotencyKey, bookingId: draft.bookingId ?? null };
}

const isText = (o: unknown, keys: string[]) => !!o && typeof o === 'object' && keys.every((k) => typeof (o as Record<string, unknown>)[k] === 'string');

export function isDraft(value: unknown): value is BookingDraft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    d.v === 1 &&
    typeof d.quoteId === 'string' &&
    [0, 1, 2, 3].includes(d.step as number) &&
    (d.slotId === null || typeof d.slotId === 'string') &&
    (d.day === null || typeof d.day === 'string') &&
    isText(d.address, ['line1', 'city', 'zip']) &&
    isText(d.customer, ['name', 'email', 'phone']) &&
    typeof d.notes === 'string' &&
    typeof d.idempotencyKey === 'string' &&
    (d.pending === null || typeof d.pending === 'object') &&
    (d.bookingId === undefined || d.bookingId === null || typeof d.bookingId === 'string') &&
    (d.dayQuote === undefined || d.dayQuote === null || isText(d.dayQuote, ['id', 'eventDate']))
  );
}

/** One draft per form: `draftId` tells apart two booking forms on one page. */
export const draftStore = (scope: string, draftId?: string) => {
  const key = `teppan:booking-draft:${scope}${draftId ? `:${draftId}` : ''}`;
  return {
    load: () => safeStorage.read(key, isDraft) ?? null,
    save: (draft: BookingDraft) => safeStorage.write(key, draft),
    clear: () => safeStorage.remove(key),
  };
};

/** The quote made for the chosen seating's day, when that day is not the handed quote's. */
export function dayQuoteOf(draft: BookingDraft): DayQuote | null {
  const day = draft.slotId?.slice(0, 10);
  return draft.dayQuote && day === draft.dayQuote.eventDate ? draft.dayQuote : null;
}

export function requestOf(draft: BookingDraft): BookingRequest {
  return {
    slotId: draft.slotId ?? '',
    quoteId: dayQuoteOf(draft)?.id ?? draft.quoteId,
    customer: { ...draft.customer },
    address: { ...draft.address },
    notes: draft.notes,
  };
}
