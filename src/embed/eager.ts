/**
 * The same loader with everything bundled in one file, no chunks: only the
 * baseline the first-load benchmark compares the split build against.
 */
import BookingForm from '../widgets/booking/BookingForm';
import QuoteCalculator from '../widgets/quote/QuoteCalculator';
import { setupTeppan } from './loader/setup';
import * as runtime from './runtime';

const widgets = { quote: QuoteCalculator, booking: BookingForm } as const;

setupTeppan({
  script: document.currentScript as HTMLScriptElement | null,
  chunks: () => ({
    runtime: async () => runtime,
    widget: async (name) => ({ default: widgets[name as keyof typeof widgets] as never }),
    preload: () => {},
  }),
});
