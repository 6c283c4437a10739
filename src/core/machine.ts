/**
 * A state machine's state, held outside any component: every change is `dispatch(action)` through a pure
 * reducer (the shape of TanStack Query's `#dispatch` + `reducer`), and `get()` is the state as it is now, so
 * work under way (a send, a payment) checks it without refs and never acts on a render's stale copy.
 */
export interface Machine<S, A> {
  get(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

export function createMachine<S, A>(reducer: (state: S, action: A) => S, initial: S): Machine<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
