import type { Context, MiddlewareHandler } from 'hono';
import { type KeyKind, originAllowed, type TenantRegistry } from '../tenants';
import type { AppEnv } from './env';
import { Problem } from './problem';

const SAFE = new Set(['GET', 'HEAD']);

/** The key a request presents: its Bearer token, else (GETs only) its `key` parameter. */
export function presentedKey(c: Context): { key: string | undefined; bearer: boolean } {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  return { key: bearer ?? (SAFE.has(c.req.method) ? c.req.query('key') : undefined), bearer: Boolean(bearer) };
}

/**
 * Maps the request's key to its tenant. Publishable keys come as a Bearer token
 * or, on GETs, a `key` parameter (simple CORS requests, no preflight). Secret
 * keys only as a Bearer token: a URL ends up in logs and histories.
 */
export function requireKey(tenants: TenantRegistry, needs: KeyKind): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { key, bearer } = presentedKey(c);
    const unauthorized = (detail: string) =>
      new Problem({ status: 401, code: 'unauthorized', title: 'Missing or unknown API key', detail, headers: { 'WWW-Authenticate': 'Bearer' } });
    if (!key) throw unauthorized('Send your key as “Authorization: Bearer pk_…”.');
    const found = tenants.byKey(key);
    if (!found) throw unauthorized('This API key is not known. Check the key in your embed snippet.');
    if (found.kind === 'secret' && !bearer) throw unauthorized('Send secret keys only in the Authorization header, never in a URL.');
    if (needs === 'secret' && found.kind !== 'secret') {
      throw new Problem({
        status: 403,
        code: 'forbidden',
        title: 'Secret key required',
        detail: 'This route needs a secret key (sk_…); publishable keys cannot use it.',
      });
    }
    const origin = c.req.header('origin');
    // CORS only hides the answer from the page; refusing here also stops the side effects.
    if (origin && found.kind === 'publishable' && !originAllowed(found.tenant, origin)) {
      throw new Problem({ status: 403, code: 'origin-not-allowed', title: 'Origin not allowed', detail: `${origin} is not among this key's allowed origins.` });
    }
    c.set('tenant', found.tenant);
    c.set('keyKind', found.kind);
    await next();
  };
}
