/**
 * Teppan for React apps: `import { TeppanProvider } from 'teppan'`.
 * Nothing here touches the DOM at import time, so it is safe to import during server rendering.
 */
export type { Availability, Booking, BookingRequest, Catalog, ChatMessage, Conversation, Lead, Payment, Quote, QuoteRequest } from '../contract';
export { formatMoney, isTeppanError, type LogEntry, type LogHook, TeppanError, type TeppanErrorKind } from '../core';
export { createTeppanQueryClient, useTeppan } from '../query';
export type { LazyWidget } from './lazyWidget';
export { TeppanProvider, type TeppanProviderProps } from './TeppanProvider';
export { WidgetBoundary, type WidgetBoundaryProps } from './WidgetBoundary';
export { WidgetSkeleton } from './WidgetSkeleton';
// The widgets: one lazy export each, and its props type.
export * from './widgetExports';
