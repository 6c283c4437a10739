import type { WidgetSlots } from '../widgets/slots';
import { PaymentForm, QuoteCalculator } from './widgetExports';

/** What widgets show inside each other (the booking form's calculator and deposit), supplied by the layer that loads them. */
export const WIDGET_SLOTS: WidgetSlots = { Payment: PaymentForm, Quote: QuoteCalculator };
