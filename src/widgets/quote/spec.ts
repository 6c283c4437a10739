import type { WidgetSpec } from '../specs';

/** `<teppan-quote>`: the quote calculator. */
export const quoteSpec: WidgetSpec = {
  name: 'quote',
  entry: './QuoteCalculator.tsx',
  label: { en: 'the quote calculator', es: 'el cotizador' },
  attributes: {
    heading: 'string',
    locale: 'string',
    'default-adults': 'number',
    'default-children': 'number',
    'default-event-date': 'string',
    'default-zip': 'string',
    'booking-url': 'string',
  },
  // Measured on the estimate by scripts/measure-reserves.mjs (below 19 em its pairs of fields stack).
  reserve: [
    [49, 44],
    [36, 58],
    [25, 62],
    [20, 76],
    [19, 77],
    [0, 91],
  ],
};
