import { describe, expect, it } from 'vitest';
import { bucketState, TokenBuckets } from './token-buckets';

/** 10 at once, then one every 6 s. */
const limit = { burst: 10, perMinute: 10 };
const drain = (b: TokenBuckets, id: string, now: number, n = limit.burst) => {
  for (let i = 0; i < n; i++) b.take(id, now);
};

describe('TokenBuckets', () => {
  it('lets a burst through, then one token per refill step', () => {
    const b = new TokenBuckets(limit, 100);
    expect(b.tokens('a', 0)).toBe(10);
    drain(b, 'a', 0);
    expect(b.tokens('a', 0)).toBe(0);
    expect(b.tokens('a', 5_999)).toBeLessThan(1);
    expect(b.tokens('a', 6_000)).toBe(1);
    // Never more than the burst, however long it rests.
    expect(b.tokens('a', 3_600_000)).toBe(10);
  });

  it('says what is left, when the quota is whole again, and how long a refused caller waits', () => {
    const b = new TokenBuckets(limit, 100);
    const state = (now: number) => bucketState(limit, b.tokens('a', now));
    b.take('a', 0);
    expect(state(0)).toEqual({ remaining: 9, resetSeconds: 6, retrySeconds: 1 });
    drain(b, 'a', 0, 9);
    expect(state(0)).toEqual({ remaining: 0, resetSeconds: 60, retrySeconds: 6 });
    expect(state(4_500)).toEqual({ remaining: 0, resetSeconds: 56, retrySeconds: 2 });
  });

  it('keeps each id apart', () => {
    const b = new TokenBuckets(limit, 100);
    drain(b, 'a', 0);
    expect(b.tokens('b', 0)).toBe(10);
  });

  it('refills from now on when the clock moves back, instead of freezing until it catches up', () => {
    const b = new TokenBuckets(limit, 100);
    drain(b, 'a', 1_000_000);
    // An hour back: the bucket is as empty as it was, and refills at the usual pace from there.
    expect(b.tokens('a', 1_000_000 - 3_600_000)).toBe(0);
    expect(b.tokens('a', 1_000_000 - 3_600_000 + 6_000)).toBe(1);
    expect(b.tokens('a', 1_000_000 - 3_600_000 + 60_000)).toBe(10);
  });

  it('gives a token back, never past the burst', () => {
    const b = new TokenBuckets(limit, 100);
    drain(b, 'a', 0, 3);
    b.refund('a', 0);
    expect(b.tokens('a', 0)).toBe(8);
    b.refund('a', 0);
    b.refund('a', 0);
    b.refund('a', 0);
    expect(b.tokens('a', 0)).toBe(10);
    // A bucket let go has nothing to refund.
    b.refund('gone', 0);
    expect(b.size).toBe(1);
  });

  it('lets idle buckets go as requests come, and keeps the ones still refilling', () => {
    const b = new TokenBuckets(limit, 100);
    for (let i = 0; i < 50; i++) b.take(`idle-${i}`, 0);
    drain(b, 'busy', 30_000);
    expect(b.size).toBe(51);
    // A minute on, the idle ones are full again: each sweep drops a few of the oldest.
    for (let i = 0; i < 20; i++) b.sweep(60_000);
    expect(b.size).toBe(1);
    expect(b.tokens('busy', 60_000)).toBe(5);
  });

  it('holds at most its cap, letting the least recently used go first', () => {
    const b = new TokenBuckets(limit, 3);
    for (const id of ['a', 'b', 'c', 'd']) drain(b, id, 0, 2);
    b.take('a', 0);
    b.sweep(0);
    expect(b.size).toBe(3);
    // 'b' went (used least recently), so its owner starts over with a full bucket; 'a' kept its place by being used.
    expect(b.tokens('b', 0)).toBe(10);
    expect(b.tokens('a', 0)).toBe(7);
  });
});
