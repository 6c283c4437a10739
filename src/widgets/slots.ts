import { type ComponentType, createContext, useContext } from 'react';
import type { Booking, Payment, Quote } from '../contract';
import type { TeppanError } from '../core';

/** What a widget hands the payment form it shows in place (the booking form's success step). */
// A type, not an interface: the embed's widget modules are typed by plain records of props.
export type PaymentSlotProps = {
  bookingId: string;
  inline: true;
  /** The host widget's language (its resolved tag): the widget in place speaks it. */
  locale: string;
  onBookAgain: () => void;
  onPaymentSucceeded: (payment: Payment, booking: Booking) => void;
  onError: (error: TeppanError) => void;
};

/**
 * What a widget hands the quote calculator it shows in place (the booking form's first step, on a page with no
 * calculator of its own). "Book this quote" hands the quote on through the funnel, as on any page, and stays.
 */
export type QuoteSlotProps = {
  inline: true;
  /** Its heading, a level below the host widget's. */
  heading: string;
  /** The host widget's language (its resolved tag): the widget in place speaks it. */
  locale: string;
  onQuote: (quote: Quote) => void;
  onError: (error: TeppanError) => void;
};

type Slot<P> = ComponentType<P> & { preload?: () => Promise<void> };

/**
 * Widgets never import each other, yet the funnel shows one inside another:
 * the layer above (the React entry, the embed runtime) supplies the lazily
 * loaded widget here, and a widget renders whatever it finds.
 */
export interface WidgetSlots {
  Payment?: Slot<PaymentSlotProps>;
  Quote?: Slot<QuoteSlotProps>;
}

export const WidgetSlotsContext = createContext<WidgetSlots>({});

export const useWidgetSlots = () => useContext(WidgetSlotsContext);

/**
 * The first screen the layer above picked for the widget from its page (src/widgets/screens.ts): the embed's loader
 * reserved its space before any code arrived, and the React entry's lazy wrapper picks it the same way. Undefined
 * when no layer picked one (a widget rendered on its own): it starts on its default screen.
 */
export const FirstScreenContext = createContext<string | undefined>(undefined);

/** The screen the widget starts on: a name from its spec's `screens`, or `''` for the default one. */
export const useFirstScreen = () => useContext(FirstScreenContext) ?? '';
