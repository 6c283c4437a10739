import { type ComponentType, createContext, useContext } from 'react';
import type { Booking, Payment } from '../contract';
import type { TeppanError } from '../core';

/** What a widget hands the payment form it shows in place (the booking form's success step). */
// A type, not an interface: the embed's widget modules are typed by plain records of props.
export type PaymentSlotProps = {
  bookingId: string;
  inline: true;
  onBookAgain: () => void;
  onPaymentSucceeded: (payment: Payment, booking: Booking) => void;
  onError: (error: TeppanError) => void;
};

/**
 * Widgets never import each other, yet the funnel shows one inside another:
 * the layer above (the React entry, the embed runtime) supplies the lazily
 * loaded widget here, and a widget renders whatever it finds.
 */
export interface WidgetSlots {
  Payment?: ComponentType<PaymentSlotProps> & { preload?: () => Promise<void> };
}

export const WidgetSlotsContext = createContext<WidgetSlots>({});

export const useWidgetSlots = () => useContext(WidgetSlotsContext);
