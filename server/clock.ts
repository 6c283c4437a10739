/**
 * The server's business clock: what holds, policy windows and reminders are
 * timed by. It is the wall clock, moved forward only by tests (`POST
 * /__chaos/clock`, with TEPPAN_CHAOS=1), so one clock is shared by the
 * requests and the work the server does on its own (the reminder scheduler).
 * Leases and retries between instances use the wall clock, never this one.
 */
export interface BusinessClock {
  now(): number;
  /** How far tests have moved it. */
  offsetMs(): number;
  advance(ms: number): void;
  reset(): void;
}

export function createBusinessClock(wall: () => number = Date.now): BusinessClock {
  let offset = 0;
  return {
    now: () => wall() + offset,
    offsetMs: () => offset,
    advance(ms) {
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
