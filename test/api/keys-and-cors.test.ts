import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PK, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/v1${path}`, { headers });
const LOCAL = 'http://localhost:3000';
const EVIL = 'https://evil.example';

describe('keys', () => {
  it('needs no key for health and the OpenAPI document', async () => {
    expect(await (await get('/health')).json()).toEqual({ status: 'ok' });
    const doc = (await (await get('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/catalog', '/api/v1/quotes', '/api/v1/availability', '/api/v1/bookings', '/api/v1/bookings/{id}', '/api/v1/admin/bookings']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.components.schemas).toHaveProperty('BookingRequest.required', expect.arrayContaining(['slotId', 'quoteId', 'customer', 'address']));
  });

  it('takes a publishable key as a Bearer token or, on GETs, a key parameter', async () => {
    expect((await get('/catalog', { authorization: `Bearer ${PK}` })).status).toBe(200);
    expect((await get(`/catalog?key=${PK}`)).status).toBe(200);
  });

  it.each([
    ['no key', '/catalog', {}],
    ['an unknown key', '/catalog', { authorization: 'Bearer pk_test_nobody' }],
    ['a secret key in the URL', `/admin/bookings?key=${SK}`, {}],
  ])('refuses %s with 401', async (_, path, headers) => {
    const res = await get(path, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.json()).toMatchObject({ status: 401, detail: expect.any(String) });
  });

  it('refuses a publishable key on admin routes with 403, and lets the secret key list bookings', async () => {
    expect((await get('/admin/bookings', { authorization: `Bearer ${PK}` })).status).toBe(403);
    const res = await get('/admin/bookings', { authorization: `Bearer ${SK}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bookings: expect.any(Array), nextCursor: null });
  });
});

describe('CORS', () => {
  const preflight = (origin: string, path = '/bookings') =>
    fetch(`${server.url}/api/v1${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });

  it('answers preflights from the tenant’s allowed origins with the headers the SDK sends', async () => {
    const res = await preflight(LOCAL);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(LOCAL);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/i);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it('does not answer preflights from other origins', async () => {
    const res = await preflight(EVIL);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an allowed origin read responses, including Retry-After for backoff', async () => {
    const res = await get(`/catalog?key=${PK}`, { origin: LOCAL });
    expect(res.headers.get('access-control-allow-origin')).toBe(LOCAL);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('refuses a publishable key used from an origin its tenant does not allow, and says nothing to that page', async () => {
    const res = await get(`/catalog?key=${PK}`, { origin: EVIL });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets any origin read the public documents', async () => {
    expect((await get('/openapi.json', { origin: EVIL })).headers.get('access-control-allow-origin')).toBe(EVIL);
  });
});
