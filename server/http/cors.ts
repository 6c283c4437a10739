import type { MiddlewareHandler } from 'hono';
import { originAllowed, type TenantRegistry } from '../tenants';
import type { AppEnv } from './env';
import { problemResponse } from './problem';

const ALLOW_METHODS = 'GET, POST, DELETE, OPTIONS';
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
// Without these the browser hides them from the SDK: Retry-After is what backoff obeys, RateLimit what is left.
const EXPOSE_HEADERS = 'Retry-After, RateLimit, RateLimit-Policy, Idempotent-Replayed, X-Request-Id, Location';

/**
 * CORS answered only for the key's tenant's allowed origins. A preflight
 * carries no Authorization header, so it is answered for an origin some tenant
 * allows (or the tenant of a `key` parameter); the real request then decides.
 * Public documents (health, OpenAPI) are readable from anywhere.
 */
export function cors(tenants: TenantRegistry, isPublic: (path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) return next();

    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const keyed = tenants.byKey(c.req.query('key') ?? '');
      const allowed = isPublic(c.req.path) || (keyed ? originAllowed(keyed.tenant, origin) : tenants.anyAllows(origin));
      if (!allowed) {
        const detail = 'This origin is not allowed to call this API.';
        return problemResponse({ status: 403, code: 'origin-not-allowed', title: 'Origin not allowed', detail, headers: { Vary: 'Origin' } }, c.req.path);
      }
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }

    await next();
    const tenant = c.get('tenant');
    // Before a tenant is known (a refused key), answer as the preflight did, so the SDK can read why.
    const allowed = isPublic(c.req.path) || (tenant ? originAllowed(tenant, origin) : tenants.anyAllows(origin));
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
