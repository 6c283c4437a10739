import type { BookingFormProps } from '../widgets/booking/BookingForm';
import { bookingSpec } from '../widgets/booking/spec';
import type { QuoteCalculatorProps } from '../widgets/quote/QuoteCalculator';
import { quoteSpec } from '../widgets/quote/spec';
import { lazyWidget } from './lazyWidget';

/**
 * The widgets, each its own chunk: importing this module loads none of them.
 * `X.preload()` fetches a widget's code ahead of time (on hover, say).
 */
export const QuoteCalculator = lazyWidget<QuoteCalculatorProps>(quoteSpec, () => import('../widgets/quote/QuoteCalculator'));
export const BookingForm = lazyWidget<BookingFormProps>(bookingSpec, () => import('../widgets/booking/BookingForm'));

export type { BookingFormProps, QuoteCalculatorProps };
