import { describe, expect, it } from 'vitest';
import { createMachine } from './machine';

type Action = { type: 'add'; n: number } | { type: 'noop' };
const counter = (state: { total: number }, action: Action) => (action.type === 'add' ? { total: state.total + action.n } : state);

describe('createMachine', () => {
  it('reads the state as of the last dispatch at once, without waiting for a render', () => {
    const machine = createMachine(counter, { total: 0 });
    machine.dispatch({ type: 'add', n: 2 });
    machine.dispatch({ type: 'add', n: 3 });
    expect(machine.get()).toEqual({ total: 5 });
  });

  it('tells subscribers of changes only, and stops when they unsubscribe', () => {
    const machine = createMachine(counter, { total: 0 });
    let told = 0;
    const unsubscribe = machine.subscribe(() => told++);
    machine.dispatch({ type: 'noop' });
    expect(told).toBe(0);
    machine.dispatch({ type: 'add', n: 1 });
    expect(told).toBe(1);
    unsubscribe();
    machine.dispatch({ type: 'add', n: 1 });
    expect(told).toBe(1);
  });
});
