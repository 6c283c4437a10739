import type { BookingFormProps } from '../widgets/booking/BookingForm';
import { bookingSpec } from '../widgets/booking/spec';
import type { ChatWidgetProps } from '../widgets/chat/ChatWidget';
import { chatSpec } from '../widgets/chat/spec';
import type { PaymentFormProps } from '../widgets/payment/PaymentForm';
import { paymentSpec } from '../widgets/payment/spec';
import type { QuoteCalculatorProps } from '../widgets/quote/QuoteCalculator';
import { quoteSpec } from '../widgets/quote/spec';
import type { WidgetSlots } from '../widgets/slots';
import { lazyWidget } from './lazyWidget';

/**
 * The widgets, each its own chunk: importing this module loads none of them.
 * `X.preload()` fetches a widget's code ahead of time (on hover, say).
 */
export const QuoteCalculator = /* @__PURE__ */ lazyWidget<QuoteCalculatorProps>(quoteSpec, () => import('../widgets/quote/QuoteCalculator'));
export const BookingForm = /* @__PURE__ */ lazyWidget<BookingFormProps>(bookingSpec, () => import('../widgets/booking/BookingForm'));
export const PaymentForm = /* @__PURE__ */ lazyWidget<PaymentFormProps>(paymentSpec, () => import('../widgets/payment/PaymentForm'));
export const ChatWidget = /* @__PURE__ */ lazyWidget<ChatWidgetProps>(chatSpec, () => import('../widgets/chat/ChatWidget'));

/** What widgets show inside each other (the booking form's calculator and deposit), supplied by the layer that loads them. */
export const WIDGET_SLOTS: WidgetSlots = { Payment: PaymentForm, Quote: QuoteCalculator };

export type { BookingFormProps, ChatWidgetProps, PaymentFormProps, QuoteCalculatorProps };
