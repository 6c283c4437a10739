import { useSyncExternalStore } from 'react';
import { createFunnel, type Funnel, type FunnelSnapshot, type FunnelState } from '../core/funnel';
import { useTeppan } from './context';

/** One funnel per scope per page: every element of the embed, and every widget under one TeppanProvider scope, shares it. */
const funnels = new Map<string, Funnel>();

function funnelFor(scope: string): Funnel {
  let funnel = funnels.get(scope);
  if (!funnel) {
    funnel = createFunnel(scope, { url: typeof window === 'undefined' ? undefined : window.location.href });
    funnels.set(scope, funnel);
  }
  return funnel;
}

// A server knows neither the visitor's URL parameters nor what their browser remembers.
const ON_SERVER: FunnelSnapshot = { quoteId: null, bookingId: null, handedOffHere: false };

/**
 * The funnel's ids on this page and `handOff` to pass one on. A widget's own
 * prop wins over them: the order of precedence is in src/core/funnel.ts.
 */
export function useFunnel(): FunnelSnapshot & { handOff: (ids: Partial<FunnelState>) => void } {
  const funnel = funnelFor(useTeppan().scope);
  const state = useSyncExternalStore(funnel.subscribe, funnel.get, () => ON_SERVER);
  return { ...state, handOff: funnel.handOff };
}
