/**
 * When an element fetches its code: its `loading` attribute, `visible` (the
 * default: as it nears the viewport), `eager`, `idle` or `interaction`.
 * Calls `load` once the strategy says so; returns what cancels the wait.
 */
export function whenToLoad(element: HTMLElement, strategy: string | null, load: () => void): () => void {
  let done = false;
  let cancel = () => {};
  const once = () => {
    if (!done) {
      done = true;
      cancel();
      load();
    }
  };
  if (strategy === 'eager') queueMicrotask(once);
  else if (strategy === 'idle') {
    // Safari has no requestIdleCallback: a timer stands in.
    const id = (window.requestIdleCallback ?? ((then: () => void) => setTimeout(then, 1500)))(once, { timeout: 3000 });
    cancel = () => (window.cancelIdleCallback ?? clearTimeout)(id);
  } else if (strategy === 'interaction') {
    const stop = new AbortController();
    for (const type of ['pointerenter', 'focusin', 'touchstart', 'click']) element.addEventListener(type, once, { passive: true, signal: stop.signal });
    cancel = () => stop.abort();
  } else {
    // A little ahead of the viewport, so the code is there when the visitor arrives.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once(), { rootMargin: '400px 0px' });
    observer.observe(element);
    cancel = () => observer.disconnect();
  }
  return () => {
    done = true;
    cancel();
  };
}
