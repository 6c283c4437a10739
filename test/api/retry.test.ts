import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalog as catalogSchema, lead as leadSchema, quote as quoteSchema } from '../../src/contract';
import { createHttpClient, createTeppanApi, DEFAULT_RETRY_POLICY, type LogEntry, newIdempotencyKey, type TeppanError } from '../../src/core';
import { adminBookings, bookingBody, createQuote, PK, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/**
 * The retry policy of DESIGN.md, exercised through the SDK's real HTTP client
 * against the real reference server, with faults armed on the server.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
afterEach(() => server.reset());

function client(retry = { baseDelayMs: 50 }) {
  const logs: LogEntry[] = [];
  const http = createHttpClient({ apiBase: server.url, publishableKey: PK, retry, onLog: (e) => logs.push(e) });
  return { http, api: createTeppanApi(http), logs };
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected the call to fail'),
    (e: TeppanError) => e,
  );

describe('retries', () => {
  it('retries 503 twice and then succeeds: three attempts, one success, one log entry', async () => {
    await server.arm({ path: '/api/v1/catalog', status: 503, times: 2 });
    const { api, logs } = client();
    const catalog = await api.catalog();
    expect(catalog.name).toBe('Sakura Hibachi Catering');
    expect(await server.seen({ path: '/api/v1/catalog' })).toHaveLength(3);
    expect(logs).toEqual([expect.objectContaining({ type: 'request', method: 'GET', route: '/catalog', status: 200, attempts: 3, ok: true })]);
  });

  it('waits at least as long as Retry-After asks', async () => {
    await server.arm({ path: '/api/v1/catalog', status: 429, retryAfter: 2, times: 1 });
    const { api } = client();
    await api.catalog();
    const [first, second] = await server.seen({ path: '/api/v1/catalog' });
    expect(second?.at ?? 0).toBeGreaterThanOrEqual((first?.at ?? 0) + 2000);
  });

  it('fails fast as "busy" when Retry-After is longer than the caller will wait', async () => {
    await server.arm({ path: '/api/v1/catalog', status: 503, retryAfter: 120 });
    const { api } = client();
    const started = Date.now();
    const error = await rejection(api.catalog());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ kind: 'busy', status: 503, retryable: true });
    expect(error.userMessage).toMatch(/busy.*try again shortly/i);
    expect(await server.seen({ path: '/api/v1/catalog' })).toHaveLength(1);
  });

  it('never retries a POST without an Idempotency-Key, even on a connection reset', async () => {
    await server.arm({ method: 'POST', path: '/api/v1/quotes', reset: true });
    const { http } = client();
    const error = await rejection(http.request({ method: 'POST', path: '/quotes', body: { adults: 10 }, schema: quoteSchema }));
    expect(error).toMatchObject({ kind: 'network', attempts: 1 });
    expect(await server.seen({ method: 'POST', path: '/api/v1/quotes' })).toHaveLength(1);
  });

  it('retries a keyed booking POST whose response was dropped after commit, and exactly one booking exists', async () => {
    const quote = await createQuote(server.url);
    const slotId = `${quote.eventDate}T18:00`;
    await server.arm({ method: 'POST', path: '/api/v1/bookings', drop: true, times: 1 });
    const { api } = client();
    const key = newIdempotencyKey();
    const booking = await api.createBooking(bookingBody(quote, slotId), { idempotencyKey: key });
    expect(booking.status).toBe('pending_deposit');
    const attempts = await server.seen({ method: 'POST', path: '/api/v1/bookings' });
    expect(attempts.map((a) => a.idempotencyKey)).toEqual([key, key]);
    const stored = (await adminBookings(server.url)).filter((b) => b.slotId === slotId);
    expect(stored.map((b) => b.id)).toEqual([booking.id]);
  });

  it.each([400, 401, 403, 404, 422])('never retries a %i', async (status) => {
    await server.arm({ path: '/api/v1/catalog', status });
    const { api, logs } = client();
    const error = await rejection(api.catalog());
    expect(error).toMatchObject({ status, attempts: 1 });
    expect(await server.seen({ path: '/api/v1/catalog' })).toHaveLength(1);
    expect(logs).toHaveLength(1);
  });

  it('does not retry real refusals either: an unknown key, an unknown booking, invalid input', async () => {
    const bad = createTeppanApi(createHttpClient({ apiBase: server.url, publishableKey: 'pk_test_nobody' }));
    expect(await rejection(bad.catalog())).toMatchObject({ kind: 'unauthorized', status: 401, attempts: 1 });
    const { api } = client();
    expect(await rejection(api.booking('bk_doesnotexist000000000000'))).toMatchObject({ kind: 'not_found', status: 404, attempts: 1 });
    const invalid = await rejection(api.createQuote({ adults: -1, eventDate: '2020-01-01', zip: '90012' }, { idempotencyKey: newIdempotencyKey() }));
    expect(invalid).toMatchObject({ kind: 'validation', status: 422, attempts: 1 });
    expect(invalid.fieldErrors.adults).toBe('Cannot be negative.');
  });
});

describe('timeouts and cancellation', () => {
  it('times each attempt out on its own clock, fresh for every retry', async () => {
    await server.arm({ path: '/api/v1/catalog', delayMs: 1500, times: 2 });
    const { http, logs } = client();
    const started = Date.now();
    await http.request({ method: 'GET', path: '/catalog', schema: catalogSchema, timing: { attemptMs: 1000, budgetMs: 10_000 } });
    const elapsed = Date.now() - started;
    // Two full 1 s timeouts, then an answer: had the timeout not been reset, the retry would have had no time left.
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    const seen = await server.seen({ path: '/api/v1/catalog' });
    expect(seen).toHaveLength(3);
    expect((seen[2]?.at ?? 0) - (seen[1]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(logs[0]).toMatchObject({ attempts: 3, ok: true });
  });

  it('a keyed POST whose attempt timed out waits for its first request (409 in flight) past the retry count: one lead, one key', async () => {
    // The first attempt times out at 1 s; the server answers it at 3.5 s. Meanwhile every retry with
    // the key gets 409 idempotency-in-flight (Retry-After: 1): three of them used to exhaust the retries.
    await server.arm({ method: 'POST', path: '/api/v1/leads', delayMs: 3500, times: 1 });
    const { http, logs } = client();
    const key = newIdempotencyKey();
    const body = { name: 'Ann Lee', phone: '(213) 555-0142', question: 'Can you do 80 guests?' };
    const created = await http.request({
      method: 'POST',
      path: '/leads',
      body,
      schema: leadSchema,
      idempotencyKey: key,
      timing: { attemptMs: 1000, budgetMs: 10_000 },
    });
    expect(created.name).toBe('Ann Lee');
    const attempts = await server.seen({ method: 'POST', path: '/api/v1/leads' });
    expect(attempts.length).toBeGreaterThan(1 + DEFAULT_RETRY_POLICY.retries);
    expect(new Set(attempts.map((a) => a.idempotencyKey))).toEqual(new Set([key]));
    const leads = (await (await fetch(`${server.url}/api/v1/admin/leads`, { headers: { authorization: `Bearer ${SK}` } })).json()) as { leads: unknown[] };
    expect(leads.leads).toHaveLength(1);
    expect(logs).toEqual([expect.objectContaining({ ok: true, attempts: attempts.length })]);
  });

  it('reports a timeout as "timeout" once every attempt has timed out', async () => {
    await server.arm({ path: '/api/v1/catalog', delayMs: 5000 });
    const { http } = client();
    const error = await rejection(http.request({ method: 'GET', path: '/catalog', schema: catalogSchema, timing: { attemptMs: 300, budgetMs: 10_000 } }));
    expect(error).toMatchObject({ kind: 'timeout', attempts: 4, retryable: true });
  });

  it('stops at the total budget, whatever the attempts have left', async () => {
    await server.arm({ path: '/api/v1/catalog', delayMs: 5000 });
    const { http } = client();
    const started = Date.now();
    const error = await rejection(http.request({ method: 'GET', path: '/catalog', schema: catalogSchema, timing: { attemptMs: 10_000, budgetMs: 800 } }));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('aborting during a backoff wait stops at once and sends nothing more', async () => {
    await server.arm({ path: '/api/v1/catalog', status: 503, retryAfter: 3 });
    const { api, logs } = client();
    const controller = new AbortController();
    const call = rejection(api.catalog({ signal: controller.signal }));
    await expect.poll(async () => (await server.seen({ path: '/api/v1/catalog' })).length).toBe(1);
    const abortedAt = Date.now();
    controller.abort();
    const error = await call;
    expect(Date.now() - abortedAt).toBeLessThan(100);
    expect(error).toMatchObject({ kind: 'aborted', retryable: false });
    await new Promise((r) => setTimeout(r, 3500));
    expect(await server.seen({ path: '/api/v1/catalog' })).toHaveLength(1);
    expect(logs).toEqual([expect.objectContaining({ ok: false, errorKind: 'aborted', attempts: 1 })]);
  });
});

describe('responses that break the contract', () => {
  it('turns a body that does not match the schema into a typed error, not a crash', async () => {
    const { http } = client();
    const error = await rejection(http.request({ method: 'GET', path: '/health', schema: catalogSchema }));
    expect(error).toMatchObject({ kind: 'bad_response', status: 200 });
    expect(error.userMessage).toMatch(/unexpected answer/);
  });
});
