import type { ComponentType } from 'react';
import type { Catalog, TranslationLoaders } from '../core';
import { bookingTranslations } from '../widgets/booking/messages/load';
import { chatTranslations } from '../widgets/chat/messages/load';
import { manageTranslations } from '../widgets/manage/messages/load';
import { paymentTranslations } from '../widgets/payment/messages/load';
import { quoteTranslations } from '../widgets/quote/messages/load';
import { WIDGET_SPECS } from '../widgets/specs';
import { type ErrorHook, type LazyWidget, lazyWidget } from './lazyWidget';

/** A registered widget's lazy export; an unregistered name fails as this module loads. */
function widget<P extends ErrorHook>(
  name: string,
  load: () => Promise<{ default: ComponentType<P> }>,
  translations?: TranslationLoaders<Catalog>,
): LazyWidget<P> {
  const spec = WIDGET_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`Teppan: no widget named "${name}" in WIDGET_SPECS (src/widgets/specs.ts).`);
  return lazyWidget(spec, load, translations);
}

/*
 * The widgets' React exports, each its own chunk: importing this module loads none of them.
 * `X.preload()` fetches a widget's code ahead of time (on hover, say).
 *
 * A widget's line here is the one thing besides its folder and its place in WIDGET_SPECS: a named export
 * must be written out for TypeScript and the host app's bundler, and so must its `import()` (of the spec's
 * `entry`) for the bundler to split the widget off. Its props type is the component's own.
 */
export const QuoteCalculator = /* @__PURE__ */ widget('quote', () => import('../widgets/quote/QuoteCalculator'), quoteTranslations);
export const BookingForm = /* @__PURE__ */ widget('booking', () => import('../widgets/booking/BookingForm'), bookingTranslations);
export const PaymentForm = /* @__PURE__ */ widget('payment', () => import('../widgets/payment/PaymentForm'), paymentTranslations);
export const ChatWidget = /* @__PURE__ */ widget('chat', () => import('../widgets/chat/ChatWidget'), chatTranslations);
export const ManageBooking = /* @__PURE__ */ widget('manage', () => import('../widgets/manage/ManageBooking'), manageTranslations);

export type { BookingFormProps } from '../widgets/booking/BookingForm';
export type { ChatWidgetProps } from '../widgets/chat/ChatWidget';
export type { ManageBookingProps } from '../widgets/manage/ManageBooking';
export type { PaymentFormProps } from '../widgets/payment/PaymentForm';
export type { QuoteCalculatorProps } from '../widgets/quote/QuoteCalculator';
