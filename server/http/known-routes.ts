import type { Hono, MiddlewareHandler } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import type { AppEnv } from './env';
import { noRouteProblem } from './problem';

/**
 * Refuses requests no route of `app` takes, before keys or bodies are read:
 * 404 for an unknown path, 405 with `Allow` for a known path and another
 * method. (Under Node the app is mounted in a root app, whose notFound wins
 * over the app's own; this answers first.) A bare OPTIONS gets 204 with `Allow`.
 */
export function knownRoutes(app: Hono<AppEnv>): MiddlewareHandler<AppEnv> {
  let router: TrieRouter<string> | undefined;
  const methodsAt = (path: string): string[] => {
    // Built on first use: by then every route is registered.
    if (!router) {
      router = new TrieRouter<string>();
      for (const r of app.routes) if (r.method !== 'ALL') router.add('ALL', r.path, r.method);
    }
    const methods = new Set(router.match('GET', path)[0].map(([method]) => method));
    if (methods.has('GET')) methods.add('HEAD');
    if (methods.size) methods.add('OPTIONS');
    return [...methods];
  };
  return async (c, next) => {
    const allow = methodsAt(c.req.path);
    if (allow.includes(c.req.method) && c.req.method !== 'OPTIONS') return next();
    if (allow.length && c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow.join(', ') });
    throw noRouteProblem(c.req.method, c.req.path, allow);
  };
}
