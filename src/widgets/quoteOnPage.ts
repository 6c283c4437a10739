/**
 * The quote calculator on this page, embedded or React, for a control that brings it into view: the chat's "Get a
 * quote", the booking form's prompt. None on a server, nor inside another element's shadow root.
 */
export function quoteOnPage(): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.querySelector<HTMLElement>('teppan-quote, .teppan-quote');
}

/** Scrolls `target` to the top of the view, smoothly unless the visitor asked for less motion. */
export function bringIntoView(target: Element): void {
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
}
