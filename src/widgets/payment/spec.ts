import type { WidgetSpec } from '../specs';

/** `<teppan-payment>`: the deposit payment form. */
export const paymentSpec: WidgetSpec = {
  name: 'payment',
  entry: './PaymentForm.tsx',
  label: { en: 'the payment form', es: 'el formulario de pago' },
  attributes: { heading: 'string', locale: 'string', 'booking-id': 'string', 'booking-url': 'string' },
  // With no booking given: a short prompt to book (a booking made on the page later is the visitor's own doing, and
  // one this browser remembers is offered in its place, not opened). Measured by scripts/measure-reserves.mjs on both,
  // in English and Spanish. Two steps only (each is bytes of the loader every page pays for), the first breaking a little
  // wider than where the text wraps, at the calculator's own 19 em (a rule the loader's gzip then repeats for less);
  // below 16.2 em (a window under 310 px on the demo's page) the Spanish prompt takes a line more, at the end of its page.
  reserve: [
    [19, 10],
    [0, 11.5],
  ],
  screens: [
    // A booking given before any code (its attribute, the URL's parameter): its card form. Measured on a held booking
    // from 300 to 1000 px wide, plus a line for the longest dates.
    {
      name: 'pay',
      when: { attribute: 'booking-id', param: 'booking' },
      reserve: [
        [37, 39],
        [25, 42],
        [23, 46],
        [20, 53],
        [0, 59],
      ],
    },
  ],
  // A booking created on the page is for this form, unless it is pinned to a booking of its own.
  wakeOn: { event: 'teppan:booking-created', unlessAttribute: 'booking-id' },
  // Its first render reads the booking and its payment.
  callsApiOnMount: true,
};
