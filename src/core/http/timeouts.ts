/** Per-attempt timeout and whole-call budget, in milliseconds. */
export interface CallTiming {
  attemptMs: number;
  budgetMs: number;
}

/**
 * Per-attempt timeouts by kind of call (DESIGN.md): a booking or payment may
 * legitimately take long on a slow network; a lookup should fail fast. The
 * budget caps the whole call, retries and waits included: two slow attempts.
 */
export const TIMINGS = {
  bookingCreate: { attemptMs: 45_000, budgetMs: 90_000 },
  payment: { attemptMs: 60_000, budgetMs: 120_000 },
  list: { attemptMs: 15_000, budgetMs: 30_000 },
  lookup: { attemptMs: 10_000, budgetMs: 20_000 },
  /** A streamed chat reply: the attempt's timeout covers the whole answer, not just its start. */
  chat: { attemptMs: 30_000, budgetMs: 60_000 },
  default: { attemptMs: 30_000, budgetMs: 60_000 },
} as const satisfies Record<string, CallTiming>;

export type TimingClass = keyof typeof TIMINGS;
