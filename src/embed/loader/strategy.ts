/**
 * When an element fetches its code: its `loading` attribute, `visible` (the
 * default: as it nears the viewport), `eager`, `idle` or `interaction`.
 * Calls `load` once the strategy says so; returns what cancels the wait.
 * One AbortController is both the "done" flag and what lets go of listeners and observers.
 */
export function whenToLoad(element: HTMLElement, strategy: string | null, load: () => void): () => void {
  const stop = new AbortController();
  const signal = stop.signal;
  const once = () => {
    if (!signal.aborted) {
      stop.abort();
      load();
    }
  };
  if (strategy === 'eager') queueMicrotask(once);
  // Safari has no requestIdleCallback: a timer stands in. A callback after a cancel finds the signal aborted and does nothing.
  else if (strategy === 'idle') (window.requestIdleCallback ?? ((then: () => void) => setTimeout(then, 1500)))(once, { timeout: 3000 });
  // A touch raises pointerenter too (before pointerdown): no touchstart listener, which would want `passive`. A click
  // covers a screen reader activating the button without moving focus.
  else if (strategy === 'interaction') for (const type of ['pointerenter', 'focusin', 'click']) element.addEventListener(type, once, { signal });
  else {
    // A little ahead of the viewport, on every side (a carousel's next card is near too), so the code is there when the visitor arrives.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once(), { rootMargin: '400px' });
    observer.observe(element);
    signal.onabort = () => observer.disconnect();
  }
  return () => stop.abort();
}
