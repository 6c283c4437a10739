import { useCallback, useInsertionEffect, useRef } from 'react';

/**
 * A function whose identity never changes but that always calls the latest
 * `fn`: callback props given inline (`onReady={() => …}`) would otherwise
 * re-run every effect that depends on them, firing events over and over.
 * (React 19.2's useEffectEvent does this too; the peer range starts at 19.0.)
 */
export function useStableCallback<A extends unknown[]>(fn: ((...args: A) => void) | undefined): (...args: A) => void {
  const ref = useRef(fn);
  useInsertionEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current?.(...args), []);
}
