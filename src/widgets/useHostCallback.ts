import { callHost } from '../core';
import { useTeppan } from '../query';
import { useStableCallback } from '../ui';

/**
 * A callback prop of the host page's (`onBookingCreated`, `onError`, …) as a function whose identity never
 * changes, run outside the widget's own error handling: what it throws is logged, never the visitor's failure.
 */
export function useHostCallback<A extends unknown[]>(name: string, fn: ((...args: A) => void) | undefined): (...args: A) => void {
  const { onLog } = useTeppan();
  return useStableCallback((...args: A) => callHost(onLog, name, fn, args));
}
