import { expect, type Route } from '@playwright/test';
import { arm, type Fault, type Seen, seen } from './admin';
import type { Action, Env, Row } from './rows';

/** What the click sent: the intent's Idempotency-Key; `reloaded` when the page was reloaded meanwhile. */
export interface Applied {
  key: string;
  reloaded: boolean;
}

export interface Column {
  id: string;
  label: string;
  /** Arms the fault and makes the visitor's click. */
  apply(a: Action, env: Env, row: Row): Promise<Applied>;
  /** How long the page may take to settle after it: past that, a spinner is a spinner forever. */
  settleMs(row: Row): number;
  /** What the requests that reached the server must show, beyond the records. */
  checkRequests?(requests: Seen[]): void;
}

const OFFLINE_MS = 10_000;
const RETRY_AFTER_S = 2;
/** How far past the client's per-attempt timeout the server answers. */
const PAST_TIMEOUT_MS = 3_000;
/** A request still in flight when the reloaded page and its widget are back (seconds, on a loaded machine): they must ask it. */
const IN_FLIGHT_MS = 10_000;
/** Settling once the fault has played out: a few retries and their backoff, on a loaded machine. */
const SETTLE_MS = 25_000;

/** Where a fault aims: this request's path and its Idempotency-Key, this visitor's intent and no one else's. */
type Target = Pick<Fault, 'method' | 'path' | 'idempotencyKey'>;

/**
 * Runs `first` on the first request of the action as it leaves the page (later
 * attempts go through untouched); resolves with the intent's key once it has run.
 */
function onFirstSend(a: Action, { page }: Env, first: (route: Route, target: Target) => Promise<void>): Promise<string> {
  let sent = false;
  return new Promise((resolve) => {
    void page.route(a.sends.url, async (route) => {
      if (sent || route.request().method() !== a.sends.method) return route.fallback();
      sent = true;
      const key = (await route.request().headerValue('idempotency-key')) ?? '';
      await first(route, { method: a.sends.method, path: new URL(route.request().url()).pathname, idempotencyKey: key });
      resolve(key);
    });
  });
}

/**
 * A chaos rule for the action's first request (and, with `times`, the attempts after it).
 * `severs`: the fault cuts the connection with no answer. Chromium itself silently
 * re-sends a POST once when a reused keep-alive connection closes with no answer,
 * which would hide the fault from the page; so that first attempt is forwarded by
 * Playwright, and the page sees the connection end as the server ended it.
 */
const chaos =
  (fault: Omit<Fault, 'method' | 'path'>, severs = false) =>
  async (a: Action, env: Env): Promise<Applied> => {
    const armed = onFirstSend(a, env, async (route, target) => {
      await arm(env.request, { ...target, times: 1, ...fault });
      if (!severs) return route.fallback();
      const answer = await route.fetch().catch(() => null);
      await (answer ? route.fulfill({ response: answer }) : route.abort('connectionreset'));
    });
    await a.act();
    return { key: await armed, reloaded: false };
  };

export const COLUMNS: Column[] = [
  { id: 'reset', label: 'reset', apply: chaos({ reset: true }, true), settleMs: () => SETTLE_MS },
  { id: 'drop', label: 'answer lost', apply: chaos({ drop: true }, true), settleMs: () => SETTLE_MS },
  { id: '503x2', label: '503 ×2', apply: chaos({ status: 503, times: 2 }), settleMs: () => SETTLE_MS },
  {
    id: '429',
    label: `429 RA ${RETRY_AFTER_S}s`,
    apply: chaos({ status: 429, retryAfter: RETRY_AFTER_S }),
    settleMs: () => SETTLE_MS + RETRY_AFTER_S * 1000,
    checkRequests(requests) {
      // Retry-After honoured: the next attempt waited for it.
      const [first, second] = requests;
      expect(second, 'a second attempt after the 429').toBeDefined();
      expect((second?.at ?? 0) - (first?.at ?? 0), 'the second attempt waited out Retry-After').toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
    },
  },
  {
    id: 'timeout',
    label: 'past timeout',
    apply: (a, env, row) => chaos({ delayMs: row.attemptMs + PAST_TIMEOUT_MS })(a, env),
    settleMs: (row) => row.attemptMs + PAST_TIMEOUT_MS + SETTLE_MS,
  },
  {
    id: 'offline',
    label: 'offline 10s',
    async apply(a, env) {
      // The network goes as the request leaves: it never reaches the server.
      const gone = onFirstSend(a, env, async (route) => {
        await env.context.setOffline(true);
        await route.abort('internetdisconnected');
      });
      await a.act();
      const key = await gone;
      await env.page.waitForTimeout(OFFLINE_MS);
      await env.context.setOffline(false);
      return { key, reloaded: false };
    },
    settleMs: () => SETTLE_MS,
  },
  {
    id: 'reload',
    label: 'reload',
    async apply(a, env) {
      const armed = onFirstSend(a, env, async (route, target) => {
        await arm(env.request, { ...target, delayMs: IN_FLIGHT_MS, times: 1 });
        await route.fallback();
      });
      await a.act();
      const key = await armed;
      // Reload once the request is on the server, still being handled.
      await expect.poll(async () => (await seen(env.request, { key })).length, { timeout: 10_000 }).toBeGreaterThan(0);
      await env.page.reload();
      await a.reopen();
      return { key, reloaded: true };
    },
    settleMs: () => SETTLE_MS,
  },
];
