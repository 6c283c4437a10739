/**
 * When a message the mail server did not take is tried again: after
 * `firstDelayMs`, then twice as long each time, for `giveUpAfterMs` in all
 * (the last wait cut short to end there), then never. Every failure is
 * retried, a refusal too: a mailbox full or a server misconfigured for a
 * while is as common as one that is down, and a person can read the error in
 * the admin list meanwhile.
 */
export interface RetryPolicy {
  firstDelayMs: number;
  giveUpAfterMs: number;
}

export const DAY_MS = 24 * 3_600_000;
export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 60_000, giveUpAfterMs: DAY_MS };

/** When to try again after `attempts` failed tries (this one included), or undefined: give up. */
export function retryAt(attempts: number, failedAt: number, { firstDelayMs, giveUpAfterMs }: RetryPolicy): number | undefined {
  // The waits so far, from the first try: first, 2 × first, … (what the policy scheduled; the sender's own delays aside).
  const waited = firstDelayMs * (2 ** (attempts - 1) - 1);
  if (waited >= giveUpAfterMs) return undefined;
  return failedAt + Math.min(firstDelayMs * 2 ** (attempts - 1), giveUpAfterMs - waited);
}
