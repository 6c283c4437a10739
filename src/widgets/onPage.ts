/**
 * A widget on this page, embedded or React, for a control that brings it into view: the chat's and the booking
 * form's "Get a quote" (the calculator), the payment form's "Book a seating" (the booking form). None on a server,
 * nor inside another element's shadow root.
 */
export function widgetOnPage(name: 'quote' | 'booking'): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.querySelector<HTMLElement>(`teppan-${name}, .teppan-${name}`);
}

/** Scrolls `target` to the top of the view, smoothly unless the visitor asked for less motion. */
export function bringIntoView(target: Element): void {
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
}
