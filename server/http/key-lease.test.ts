import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../store/memory';
import { claimKey, LEASE_MS } from './key-lease';

describe('a claim on a key is a lease its request keeps alive', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 11, 7) }));
  afterEach(() => vi.useRealTimers());
  const clock = () => Date.now();

  it('is never taken over while its request runs, however long, and is free once released', async () => {
    const store = createMemoryStore();
    const first = await claimKey(store, 's', 'key', 'print', clock);
    expect(first.state).toBe('started');
    for (let waited = 0; waited < 10 * LEASE_MS; waited += LEASE_MS / 3) {
      await vi.advanceTimersByTimeAsync(LEASE_MS / 3);
      expect((await claimKey(store, 's', 'key', 'print', clock)).state).toBe('in_flight');
    }
    if (first.state === 'started') await first.held.release();
    expect((await claimKey(store, 's', 'key', 'print', clock)).state).toBe('started');
  });

  it('is taken over once its request stopped beating (its process died), and the dead one can keep nothing', async () => {
    const store = createMemoryStore();
    const dead = await claimKey(store, 's', 'key', 'print', clock);
    // The process is gone: its timers with it.
    vi.clearAllTimers();
    await vi.advanceTimersByTimeAsync(LEASE_MS - 1);
    expect((await claimKey(store, 's', 'key', 'print', clock)).state).toBe('in_flight');
    await vi.advanceTimersByTimeAsync(1);
    const heir = await claimKey(store, 's', 'key', 'print', clock);
    expect(heir.state).toBe('started');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    if (dead.state === 'started') await dead.held.finish({ status: 201, body: '{"id":"from the dead"}' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('was taken over'));
    if (heir.state === 'started') await heir.held.finish({ status: 201, body: '{"id":"bk_heir"}' });
    expect(await claimKey(store, 's', 'key', 'print', clock)).toMatchObject({ state: 'replay', body: '{"id":"bk_heir"}' });
  });
});
