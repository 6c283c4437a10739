import type { WidgetSpec } from '../specs';

/** `<teppan-booking>`: the booking form. */
export const bookingSpec: WidgetSpec = {
  name: 'booking',
  entry: './BookingForm.tsx',
  label: { en: 'the booking form', es: 'el formulario de reserva' },
  attributes: { heading: 'string', locale: 'string', 'quote-id': 'string', 'quote-url': 'string', 'draft-id': 'string', 'pay-deposit': 'boolean' },
  // Measured on each first screen (src/widgets/screens.ts) by scripts/measure-reserves.mjs, rounded up.
  // With no quote and no calculator on the page: the calculator in place, as its first step.
  reserve: [
    [48.5, 46.5],
    [39.5, 60.5],
    [35.5, 57],
    [24.5, 64],
    [19, 79.5],
    [0, 92],
  ],
  screens: [
    // A quote given before any code (the funnel's attribute and URL parameter): its seatings, in a month of six weeks.
    {
      name: 'steps',
      when: { attribute: 'quote-id', param: 'quote' },
      reserve: [
        [46.5, 48],
        [41.5, 49.5],
        [25, 55],
        [22.5, 58],
        [17, 64],
        [0, 65.5],
      ],
    },
    // The page has a calculator of its own: a short prompt pointing to it.
    {
      name: 'prompt',
      when: { beside: 'quote' },
      reserve: [
        [48.5, 10],
        [26.5, 11.5],
        [18, 13],
        [0, 14.5],
      ],
    },
  ],
  // A quote chosen on the page is for this form, unless it is pinned to a quote of its own.
  wakeOn: { event: 'teppan:quote', unlessAttribute: 'quote-id' },
  // Several booking forms on one page keep separate drafts.
  instanceAttribute: 'draft-id',
  // Its first render reads the quote and the seatings.
  callsApiOnMount: true,
};
