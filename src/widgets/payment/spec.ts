import type { WidgetSpec } from '../specs';

/** `<teppan-payment>`: the deposit payment form. */
export const paymentSpec: WidgetSpec = {
  name: 'payment',
  entry: './PaymentForm.tsx',
  label: { en: 'the payment form', es: 'el formulario de pago' },
  attributes: { heading: 'string', locale: 'string', 'booking-id': 'string', 'booking-url': 'string' },
  // Measured on the card form of a held booking from 300 to 1000 px wide, plus a line for the longest dates.
  reserve: [
    [37, 39],
    [25, 42],
    [23, 46],
    [20, 53],
    [0, 59],
  ],
  // A booking created on the page is for this form, unless it is pinned to a booking of its own.
  wakeOn: { event: 'teppan:booking-created', unlessAttribute: 'booking-id' },
  // Its first render reads the booking and its payment.
  callsApiOnMount: true,
};
