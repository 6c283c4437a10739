import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_RETRY, retryAt } from './retry';

const MINUTE = 60_000;

describe('mail retries', () => {
  it('waits a minute, then twice as long each time, and gives up after a day', () => {
    const waits: number[] = [];
    let at = 0;
    for (let attempts = 1; ; attempts++) {
      const next = retryAt(attempts, at, DEFAULT_RETRY);
      if (next === undefined) break;
      waits.push((next - at) / MINUTE);
      at = next;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 417]);
    expect(at).toBe(DAY_MS);
  });

  it('follows a shorter first wait (what tests set) in the same shape', () => {
    const policy = { firstDelayMs: 100, giveUpAfterMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((n) => retryAt(n, 0, policy))).toEqual([100, 200, 400, 300, undefined]);
  });
});
