import type { WidgetSpec } from '../specs';

/** `<teppan-booking>`: the booking form. */
export const bookingSpec: WidgetSpec = {
  name: 'booking',
  entry: './BookingForm.tsx',
  label: 'booking form',
  attributes: { heading: 'string', 'quote-id': 'string', 'quote-url': 'string', 'draft-id': 'string', 'pay-deposit': 'boolean' },
  // Measured on the seating step.
  reserve: [
    [49, 46],
    [41.5, 47],
    [24.5, 52],
    [22, 55],
    [0, 62],
  ],
  // A quote chosen on the page is for this form, unless it is pinned to a quote of its own.
  wakeOn: { event: 'teppan:quote', unlessAttribute: 'quote-id' },
  // Several booking forms on one page keep separate drafts.
  instanceAttribute: 'draft-id',
  // Its first render reads the quote and the seatings.
  callsApiOnMount: true,
};
