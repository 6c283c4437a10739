import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Quote } from '../../contract';
import { asTeppanError, newIdempotencyKey, type TeppanError } from '../../core';
import { queryKeys, useQuote, useTeppan } from '../../query';
import { type BookingDraft, type DayQuote, dayQuoteOf } from './draft';

type State = { status: 'idle' } | { status: 'pricing'; day: string } | { status: 'failed'; day: string; error: TeppanError };

/**
 * A booking is on its quote's date (the server refuses any other). A visitor
 * who picks a seating on another day gets the same party and menu quoted for
 * that day when they continue, and the review shows that quote.
 */
export function useDayQuote(quote: Quote, draft: BookingDraft, update: (change: Partial<BookingDraft>) => void) {
  const { api, scope } = useTeppan();
  const client = useQueryClient();
  const [state, setState] = useState<State>({ status: 'idle' });
  const held = dayQuoteOf(draft);
  const dayQuery = useQuote(held?.id);
  const day = draft.slotId?.slice(0, 10);

  /** Makes sure the chosen seating's day has its quote; false when it could not be made (the state says why). */
  async function ensure(): Promise<boolean> {
    if (!day || day === quote.eventDate || held) return true;
    setState({ status: 'pricing', day });
    try {
      const { adults, children, upgrades, addOns, zip } = quote;
      const made = await api.createQuote({ adults, children, upgrades, addOns, zip, eventDate: day }, { idempotencyKey: newIdempotencyKey() });
      client.setQueryData(queryKeys.quote(scope, made.id), made);
      const dayQuote: DayQuote = { id: made.id, eventDate: made.eventDate };
      update({ dayQuote });
      setState({ status: 'idle' });
      return true;
    } catch (e) {
      setState({ status: 'failed', day, error: asTeppanError(e) });
      return false;
    }
  }

  return {
    /** Pricing the chosen day now: its date. */
    pricing: state.status === 'pricing' ? state.day : null,
    /** Why the chosen day's quote could not be made (gone once another day is chosen). */
    error: state.status === 'failed' && state.day === day ? state.error : null,
    ensure,
    /** The quote the booking will carry: the day's once it has loaded (the same party and menu meanwhile). */
    booked: (held && dayQuery.data) || quote,
  };
}
