/** A token bucket's shape: `burst` tokens at most, refilled at `perMinute`. */
export interface Limit {
  burst: number;
  perMinute: number;
}

export interface BucketState {
  /** Whole tokens left after this request (0 when refused). */
  remaining: number;
  /** Seconds until the bucket is full again (the quota's reset). */
  resetSeconds: number;
  /** Seconds until one token is back (what a refused client waits). */
  retrySeconds: number;
}

/** A bucket's state as its headers tell it, from the tokens it holds (whole or not). */
export function bucketState(limit: Limit, tokens: number): BucketState {
  const secondsFor = (missing: number) => Math.ceil((missing * 60) / limit.perMinute);
  return {
    remaining: Math.max(0, Math.floor(tokens)),
    resetSeconds: secondsFor(limit.burst - tokens),
    retrySeconds: Math.max(1, secondsFor(1 - tokens)),
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets of one limit, one per id (an address, a key), bounded in
 * memory. A bucket that has refilled to full holds nothing worth keeping, so
 * idle ones are dropped as new ones come; and past `maxTracked` the least
 * recently used goes, whatever its state (its owner then starts full again:
 * lenient, but a flood of distinct addresses cannot grow memory).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly limit: Limit,
    private readonly maxTracked: number,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Tokens in `id`'s bucket at `now`. */
  tokens(id: string, now: number): number {
    const b = this.buckets.get(id);
    if (!b) return this.limit.burst;
    // A clock moved back refills from now on, rather than freezing the bucket until it catches up.
    if (now < b.at) b.at = now;
    return Math.min(this.limit.burst, b.tokens + (now - b.at) * this.perMs);
  }

  /** Takes one token; the caller has checked there is one. */
  take(id: string, now: number): void {
    const tokens = this.tokens(id, now) - 1;
    // Re-inserted, so the map stays in least-recently-used order.
    this.buckets.delete(id);
    this.buckets.set(id, { tokens, at: now });
  }

  /**
   * Gives one token back (capped at the burst), keeping the bucket's place in the eviction order; a bucket
   * let go is full already. Returns the tokens it holds then.
   */
  refund(id: string, now: number): number {
    const b = this.buckets.get(id);
    if (b) this.buckets.set(id, { tokens: Math.min(this.limit.burst, this.tokens(id, now) + 1), at: now });
    return this.tokens(id, now);
  }

  /** How many buckets are held (for tests of the memory bound). */
  get size(): number {
    return this.buckets.size;
  }

  /** Drops a few of the oldest buckets if idle (or over the cap): called per request, so idle ones never pile up. */
  sweep(now: number): void {
    for (let checked = 0; checked < 4; checked++) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) return;
      const over = this.buckets.size > this.maxTracked;
      if (!over && this.tokens(oldest.value, now) < this.limit.burst) return;
      this.buckets.delete(oldest.value);
    }
  }
}
