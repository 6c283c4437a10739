import { useState, useSyncExternalStore } from 'react';
import { createMachine, type Machine } from '../core';

/**
 * A component's state machine: the state to render, and the machine whose `dispatch` changes it and whose
 * `get()` async work reads (the current state, not the one its closure saw). One machine per mount.
 */
export function useMachine<S, A>(reducer: (state: S, action: A) => S, init: () => S): [S, Machine<S, A>] {
  const [machine] = useState(() => createMachine(reducer, init()));
  return [useSyncExternalStore(machine.subscribe, machine.get, machine.get), machine];
}
