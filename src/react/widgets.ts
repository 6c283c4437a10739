import type { BookingFormProps } from '../widgets/booking/BookingForm';
import type { QuoteCalculatorProps } from '../widgets/quote/QuoteCalculator';
import { lazyWidget } from './lazyWidget';

/**
 * The widgets, each its own chunk: importing this module loads none of them.
 * `X.preload()` fetches a widget's code ahead of time (on hover, say).
 */
export const QuoteCalculator = lazyWidget<QuoteCalculatorProps>('quote', 'quote calculator', () => import('../widgets/quote/QuoteCalculator'));
export const BookingForm = lazyWidget<BookingFormProps>('booking', 'booking form', () => import('../widgets/booking/BookingForm'));

export type { BookingFormProps, QuoteCalculatorProps };
