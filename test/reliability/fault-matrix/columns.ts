import { expect } from '@playwright/test';
import { arm, type Seen } from './admin';
import type { Action, Env, Row } from './rows';

export interface Column {
  id: string;
  label: string;
  /** Arms the fault and makes the visitor's click; `reloaded` when the page was reloaded meanwhile. */
  apply(a: Action, env: Env, row: Row): Promise<{ reloaded: boolean }>;
  /** How long the page may take to settle after it. */
  settleMs(row: Row): number;
  /** What the requests that reached the server must show, beyond the records. */
  checkRequests?(requests: Seen[]): void;
}

const OFFLINE_MS = 10_000;
const RETRY_AFTER_S = 2;
/** How far past the client's per-attempt timeout the server answers. */
const PAST_TIMEOUT_MS = 5_000;
/** A request in flight long enough to reload the page under it. */
const IN_FLIGHT_MS = 3_000;

const once =
  (fault: Record<string, unknown>) =>
  async (a: Action, { request }: Env) => {
    await arm(request, { ...a.target, times: 1, ...fault });
    await a.act();
    return { reloaded: false };
  };

export const COLUMNS: Column[] = [
  { id: 'reset', label: '(a) reset', apply: once({ reset: true }), settleMs: () => 20_000 },
  { id: 'drop', label: '(b) drop', apply: once({ drop: true }), settleMs: () => 20_000 },
  { id: '503x2', label: '(c) 503 ×2', apply: once({ status: 503, times: 2 }), settleMs: () => 20_000 },
  {
    id: '429',
    label: '(d) 429 RA 2s',
    apply: once({ status: 429, retryAfter: RETRY_AFTER_S }),
    settleMs: () => 20_000,
    checkRequests(requests) {
      // Retry-After honoured: the next attempt waited for it.
      const [first, second] = requests;
      expect(second, 'a second attempt after the 429').toBeDefined();
      expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
    },
  },
  {
    id: 'timeout',
    label: '(e) past timeout',
    apply: async (a, env, row) => once({ delayMs: row.attemptMs + PAST_TIMEOUT_MS })(a, env),
    settleMs: (row) => row.attemptMs + PAST_TIMEOUT_MS + 20_000,
  },
  {
    id: 'offline',
    label: '(f) offline 10s',
    async apply(a, { page, context }) {
      if (a.offlineAt) {
        // The network goes as this request leaves (earlier calls of the action got through).
        await page.route(a.offlineAt, async (route) => {
          await context.setOffline(true);
          await route.abort('internetdisconnected');
        });
      } else {
        await context.setOffline(true);
      }
      await a.act();
      await page.waitForTimeout(OFFLINE_MS);
      if (a.offlineAt) await page.unrouteAll({ behavior: 'ignoreErrors' });
      await context.setOffline(false);
      return { reloaded: false };
    },
    settleMs: () => 20_000,
  },
  {
    id: 'reload',
    label: '(g) reload',
    async apply(a, { page, request }) {
      await arm(request, { ...a.target, delayMs: IN_FLIGHT_MS, times: 1 });
      await a.act();
      // Reload once the request is on the server, still being handled.
      await expect.poll(async () => (await a.requests()).length, { timeout: 10_000 }).toBeGreaterThan(0);
      await page.reload();
      await a.reopen();
      return { reloaded: true };
    },
    settleMs: () => 20_000,
  },
];
