import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { Problem } from '../http/problem';
import { openApiDocument } from '../openapi';
import type { Store } from '../store/types';
import { isStoreUnavailable } from '../store/unavailable';

/** What a load balancer reads before a database outage ends: a few seconds. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/** Routes that need no key. */
export function publicRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/health', async (c) => {
      c.header('Cache-Control', 'no-store');
      // Every dependency a request may need: today the database. A balancer takes an instance out while it is not 200.
      const database = await store.ping().then(
        () => undefined,
        (error: unknown) => (isStoreUnavailable(error) ? String(error instanceof Error ? error.message : error) : `failed: ${String(error)}`),
      );
      if (database === undefined) return c.json({ status: 'ok' as const });
      throw new Problem({
        status: 503,
        code: 'dependency-down',
        title: 'A dependency is down',
        detail: `The database cannot be reached (${database}). Requests that need it are answered 503 until it is back; this instance recovers by itself.`,
        headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) },
        extensions: { dependency: 'database' },
      });
    })
    .get('/openapi.json', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(openApiDocument(new URL(c.req.url).origin));
    });
}
