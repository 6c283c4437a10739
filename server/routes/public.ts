import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { openApiDocument } from '../openapi';

/** Routes that need no key. */
export function publicRoutes() {
  return new Hono<AppEnv>()
    .get('/health', (c) => c.json({ status: 'ok' as const }))
    .get('/openapi.json', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(openApiDocument(new URL(c.req.url).origin));
    });
}
