/** When an element fetches its code: the `loading` attribute. */
export type LoadingStrategy = 'eager' | 'visible' | 'idle' | 'interaction';

export function strategyOf(element: Element): LoadingStrategy {
  const value = element.getAttribute('loading');
  return value === 'eager' || value === 'idle' || value === 'interaction' ? value : 'visible';
}

const INTERACTIONS = ['pointerenter', 'focusin', 'touchstart', 'click'] as const;

/** Calls `load` once the strategy says so; returns what cancels the wait. */
export function whenToLoad(element: HTMLElement, strategy: LoadingStrategy, load: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancel();
    load();
  };
  let cancel = () => {};
  switch (strategy) {
    case 'eager':
      queueMicrotask(once);
      break;
    case 'idle': {
      const idle = window.requestIdleCallback?.bind(window);
      if (idle) {
        const id = idle(once, { timeout: 3000 });
        cancel = () => window.cancelIdleCallback(id);
      } else {
        const id = setTimeout(once, 1500);
        cancel = () => clearTimeout(id);
      }
      break;
    }
    case 'interaction':
      for (const type of INTERACTIONS) element.addEventListener(type, once, { passive: true });
      cancel = () => {
        for (const type of INTERACTIONS) element.removeEventListener(type, once);
      };
      break;
    default: {
      // A little ahead of the viewport, so the code is there when the visitor arrives.
      const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once(), { rootMargin: '400px 0px' });
      observer.observe(element);
      cancel = () => observer.disconnect();
    }
  }
  return () => {
    done = true;
    cancel();
  };
}
