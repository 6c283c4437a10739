import type { WidgetSpec } from '../specs';

/** `<teppan-payment>`: the deposit payment form. */
export const paymentSpec: WidgetSpec = {
  name: 'payment',
  tag: 'teppan-payment',
  component: 'PaymentForm',
  label: 'payment form',
  attributes: { heading: 'string', 'booking-id': 'string', 'booking-url': 'string' },
  // Measured on the card form of a held booking.
  reserve: [[0, 34]],
  // A booking created on the page is for this form, unless it is pinned to a booking of its own.
  wakeOn: { event: 'teppan:booking-created', unlessAttribute: 'booking-id' },
};
