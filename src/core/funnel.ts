import { type KeyValueStore, safeStorage } from './storage';

/**
 * The ids the funnel hands from one widget to the next (quote → booking →
 * payment), on one page or across pages. Widgets never import each other: one
 * hands an id off here, the next reads it.
 *
 * Order of precedence, for any widget that takes an id from the funnel (the
 * booking form's quote, say):
 * 1. the widget's own prop or attribute (`quoteId` / `quote-id`);
 * 2. the latest hand-off made on this page (a quote chosen in a calculator);
 * 3. the page URL's parameter (`?quote=`, `?booking=`);
 * 4. the hand-off remembered from an earlier page view.
 *
 * The widget applies 1 itself; 2–4 are simply the funnel's state: the URL seeds
 * it over the remembered one when the page's funnel is made, and every hand-off
 * overwrites it.
 */
export interface FunnelState {
  quoteId: string | null;
  bookingId: string | null;
}

export interface FunnelSnapshot extends FunnelState {
  /**
   * A widget on this page made the latest hand-off (the state does not come
   * from the URL or an earlier visit): the widget it reaches may take focus.
   */
  handedOffHere: boolean;
}

export interface Funnel {
  /** The same object until something changes, as `useSyncExternalStore` needs. */
  get(): FunnelSnapshot;
  /** Hands ids on. A new quote is a new booking: it clears `bookingId` unless one is given with it. */
  handOff(ids: Partial<FunnelState>): void;
  /** Calls `listener` after every change; returns what unsubscribes it. */
  subscribe(listener: () => void): () => void;
}

const EMPTY: FunnelState = { quoteId: null, bookingId: null };

const isId = (v: unknown) => v === null || typeof v === 'string';

function isFunnelState(value: unknown): value is FunnelState {
  return typeof value === 'object' && value !== null && 'quoteId' in value && 'bookingId' in value && isId(value.quoteId) && isId(value.bookingId);
}

/** `ids` over `state`; a new quote is a new booking, so it clears the booking unless one comes with it. */
function merge(state: FunnelState, ids: Partial<FunnelState>): FunnelState {
  const quoteId = ids.quoteId !== undefined ? ids.quoteId : state.quoteId;
  const bookingId = ids.bookingId !== undefined ? ids.bookingId : quoteId === state.quoteId ? state.bookingId : null;
  return { quoteId, bookingId };
}

const same = (a: FunnelState, b: FunnelState) => a.quoteId === b.quoteId && a.bookingId === b.bookingId;

interface FunnelOptions {
  /** The page's URL, whose `quote` and `booking` parameters seed the funnel; none on a server. */
  url?: string | undefined;
  storage?: KeyValueStore;
}

/**
 * The funnel of one scope (API base and key). Make one per scope per page:
 * it reads the URL and storage once, when it is made. Its state is kept in
 * storage, so a later page view remembers it.
 */
export function createFunnel(scope: string, { url, storage = safeStorage }: FunnelOptions = {}): Funnel {
  const key = `teppan:funnel:${scope}`;
  const remembered = storage.read(key, isFunnelState) ?? EMPTY;
  const params = url ? new URL(url).searchParams : undefined;
  const seeded = merge(remembered, { quoteId: params?.get('quote') ?? undefined, bookingId: params?.get('booking') ?? undefined });
  if (!same(seeded, remembered)) storage.write(key, seeded);

  let snapshot: FunnelSnapshot = { ...seeded, handedOffHere: false };
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    handOff(ids) {
      const { handedOffHere, ...state } = snapshot;
      const next = merge(state, ids);
      if (handedOffHere && same(next, state)) return;
      snapshot = { ...next, handedOffHere: true };
      storage.write(key, next);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
