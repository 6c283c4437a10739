import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createRateLimiter } from '../../server/http/rate-limit';
import { createMemoryStore } from '../../server/store/memory';
import { health, problemDetails, type Quote } from '../../src/contract';
import { createHttpClient, createTeppanApi, type LogEntry, newIdempotencyKey, type TeppanError } from '../../src/core';
import { chatPost } from '../support/chat';
import { adminBookings, bookableDate, bookingBody, createQuote, json, PK, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/**
 * The rate limits (server/http/rate-limit.ts) as a visitor, an abuser and the
 * SDK meet them, against the real server under its default limits. The
 * server's clock is moved with `/__chaos/clock` instead of waiting.
 */

let direct: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  [direct, proxied] = await Promise.all([startServer(), startServer({ TEPPAN_TRUST_PROXY: '1' })]);
});
afterAll(() => Promise.all([direct.stop(), proxied.stop()]));

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
let nextAddress = 0;
/** A visitor address of its own (behind the trusted proxy). */
const newAddress = () => `203.0.113.${++nextAddress}`;
const from = (address: string) => ({ 'x-forwarded-for': `198.51.100.7, ${address}` });
const quoteBody = () => ({ adults: 10, eventDate: bookableDate(), zip: '90012' });
const postQuote = (url: string, headers: Record<string, string> = {}) => fetch(`${url}/api/v1/quotes`, json(quoteBody(), headers));
const guess = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/v1/catalog`, { headers: { authorization: 'Bearer pk_test_guess', ...headers } });
const advanceClock = (server: TestServer, ms: number) =>
  fetch(`${server.url}/__chaos/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });

/** Sends until the first 429 (at most `max`); how many got through, and the refusal. */
async function untilRefused(send: () => Promise<Response>, max: number): Promise<{ passed: number; refusal: Response | undefined }> {
  for (let passed = 0; passed < max; passed++) {
    const res = await send();
    if (res.status === 429) return { passed, refusal: res };
    await res.body?.cancel();
  }
  return { passed: max, refusal: undefined };
}

async function expectRateLimited(res: Response | undefined, policy: string) {
  expect(res?.status).toBe(429);
  expect(res?.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(res?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(res?.headers.get('ratelimit-policy')).toMatch(new RegExp(`"${policy}";q=\\d+;w=\\d+`));
  expect(res?.headers.get('ratelimit')).toMatch(new RegExp(`"${policy}";r=0;t=\\d+`));
  expect(problemDetails.parse(await res?.json())).toMatchObject({ status: 429, code: 'rate-limited', detail: expect.stringMatching(/try again/i) });
}

describe('a visitor', () => {
  it('goes through a whole journey with no 429, and every answer says what is left', async () => {
    const api = (path: string, init?: RequestInit) => fetch(`${direct.url}/api/v1${path}`, init);
    const eventDate = bookableDate(20);
    const answers: Response[] = [await api(`/catalog?key=${PK}`), await api(`/availability?from=${eventDate}&to=${eventDate}&guests=10&key=${PK}`)];
    // The calculator asks for a quote each time typing settles.
    for (const adults of [10, 12, 14, 15, 16]) answers.push(await api('/quotes', json({ ...quoteBody(), adults, eventDate })));
    const quote = (await answers.at(-1)?.clone().json()) as Quote;
    answers.push(await api(`/quotes/${quote.id}?key=${PK}`));
    const booked = await api('/bookings', json(bookingBody(quote, `${eventDate}T12:00`), { 'idempotency-key': newIdempotencyKey() }));
    const booking = (await booked.clone().json()) as { id: string };
    const started = await api(`/bookings/${booking.id}/payments`, json({}, { 'idempotency-key': newIdempotencyKey() }));
    const payment = (await started.clone().json()) as { id: string };
    answers.push(booked, started, await api(`/payments/${payment.id}/confirm`, json({ card: CARD }, { 'idempotency-key': newIdempotencyKey() })));
    answers.push(await api(`/payments/${payment.id}?key=${PK}`), await api(`/bookings/${booking.id}?key=${PK}`));
    answers.push(await chatPost(direct.url, { text: 'do you bring the grill' }));

    expect(answers.map((r) => r.status)).toEqual([200, 200, 201, 201, 201, 201, 201, 200, 201, 201, 200, 200, 200, 200]);
    for (const res of answers) {
      expect(res.headers.get('ratelimit-policy')).toMatch(/"address";q=\d+;w=\d+/);
      expect(res.headers.get('ratelimit')).toMatch(/"address";r=\d+;t=\d+/);
      await res.body?.cancel();
    }
  });

  it('ten visitors behind one address (an office) book at once with no 429', async () => {
    const journey = async (i: number) => {
      const eventDate = bookableDate(30 + i);
      const statuses: number[] = [];
      let quote: Quote | undefined;
      for (const adults of [8, 10, 12, 14, 16]) {
        const res = await fetch(`${direct.url}/api/v1/quotes`, json({ ...quoteBody(), adults, eventDate }));
        statuses.push(res.status);
        quote = (await res.json()) as Quote;
      }
      const res = await fetch(
        `${direct.url}/api/v1/bookings`,
        json(bookingBody(quote as Quote, `${eventDate}T18:00`), { 'idempotency-key': newIdempotencyKey() }),
      );
      statuses.push(res.status);
      return statuses;
    };
    const all = (await Promise.all(Array.from({ length: 10 }, (_, i) => journey(i)))).flat();
    expect(all.filter((s) => s === 429)).toEqual([]);
    expect(all.every((s) => s === 201)).toBe(true);
  });

  it('exposes RateLimit and RateLimit-Policy to pages (CORS), and preflights cost nothing', async () => {
    const origin = 'http://localhost:3000';
    const address = newAddress();
    for (let i = 0; i < 20; i++) {
      const preflight = await fetch(`${proxied.url}/api/v1/quotes`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', ...from(address) },
      });
      expect(preflight.status).toBe(204);
    }
    const res = await fetch(`${proxied.url}/api/v1/catalog?key=${PK}`, { headers: { origin, ...from(address) } });
    expect(res.headers.get('access-control-expose-headers')).toMatch(/RateLimit, RateLimit-Policy/);
    expect(res.headers.get('ratelimit')).toMatch(/"address";r=599;/);
  });
});

describe('guessing keys', () => {
  it('is refused with 429 after a handful of tries, with Retry-After and RateLimit headers', async () => {
    const started = Date.now();
    const { passed, refusal } = await untilRefused(() => guess(direct.url), 50);
    expect(passed).toBeGreaterThanOrEqual(3);
    expect(passed).toBeLessThanOrEqual(10);
    expect(Date.now() - started).toBeLessThan(2000);
    await expectRateLimited(refusal, 'unknown-key');
    // No key at all, or an unknown secret key on an admin route, draw on the same allowance.
    expect((await fetch(`${direct.url}/api/v1/catalog`)).status).toBe(429);
    expect((await fetch(`${direct.url}/api/v1/admin/bookings`, { headers: { authorization: 'Bearer sk_test_guess' } })).status).toBe(429);
    // Whoever shares the address with a real key is not locked out.
    expect((await fetch(`${direct.url}/api/v1/catalog?key=${PK}`)).status).toBe(200);
  });

  it('is allowed again once the bucket has refilled, and only as fast as it refills', async () => {
    expect((await guess(direct.url)).status).toBe(429);
    const retryAfter = Number((await guess(direct.url)).headers.get('retry-after'));
    await advanceClock(direct, retryAfter * 1000);
    expect((await guess(direct.url)).status).toBe(401);
    expect((await guess(direct.url)).status).toBe(429);
    // A whole window later the whole burst is back.
    await advanceClock(direct, 60_000);
    const { passed } = await untilRefused(() => guess(direct.url), 50);
    expect(passed).toBeGreaterThanOrEqual(3);
    expect(passed).toBeLessThanOrEqual(10);
  });

  it('ignores X-Forwarded-For unless the server is told it sits behind a proxy', async () => {
    // This address's guesses are used up (above); a forwarded address of its own changes nothing.
    expect((await guess(direct.url)).status).toBe(429);
    expect((await guess(direct.url, from(newAddress()))).status).toBe(429);
  });

  it('limits each address on its own', async () => {
    const [a, b] = [newAddress(), newAddress()];
    await expectRateLimited((await untilRefused(() => guess(proxied.url, from(a)), 50)).refusal, 'unknown-key');
    expect((await guess(proxied.url, from(b))).status).toBe(401);
  });
});

describe('writes', () => {
  it('are limited per address: quotes, bookings, chat messages and leads alike, while reads go on', async () => {
    const [a, b] = [newAddress(), newAddress()];
    const { passed, refusal } = await untilRefused(() => postQuote(proxied.url, from(a)), 1000);
    expect(passed).toBeGreaterThanOrEqual(60);
    expect(passed).toBeLessThanOrEqual(300);
    await expectRateLimited(refusal, 'address-write');
    const quote = await createQuote(proxied.url, { eventDate: bookableDate(60) }).catch(() => undefined);
    // From loopback, not from `a`: the helper sends no X-Forwarded-For, so the socket's address counts.
    expect(quote).toBeDefined();
    const keyed = () => ({ 'idempotency-key': newIdempotencyKey(), ...from(a) });
    const refused = [
      await fetch(`${proxied.url}/api/v1/bookings`, json(bookingBody(quote as Quote, `${bookableDate(60)}T12:00`), keyed())),
      await fetch(`${proxied.url}/api/v1/leads`, json({ name: 'Ann', email: 'ann@example.com', question: 'Hi?' }, keyed())),
      await fetch(`${proxied.url}/api/v1/chat/messages`, json({ messageId: crypto.randomUUID(), text: 'hello' }, keyed())),
    ];
    for (const res of refused) await expectRateLimited(res, 'address-write');
    expect((await fetch(`${proxied.url}/api/v1/catalog?key=${PK}`, { headers: from(a) })).status).toBe(200);
    expect((await postQuote(proxied.url, from(b))).status).toBe(201);
  });

  it('are limited per key across addresses, so a flood from many addresses is capped too', async () => {
    const server = await startServer({ TEPPAN_TRUST_PROXY: '1' });
    try {
      // Each address stays well inside its own allowance; together they exhaust the key's.
      let sent = 0;
      const send = () => postQuote(server.url, from(`192.0.2.${1 + Math.floor(sent++ / 40)}`));
      const { passed, refusal } = await untilRefused(send, 4000);
      expect(passed).toBeGreaterThanOrEqual(300);
      expect(passed).toBeLessThan(4000);
      await expectRateLimited(refusal, 'key-write');
      // A newcomer's write is refused as well, their reads are not, and the secret key has its own allowance.
      expect((await postQuote(server.url, from('192.0.2.250'))).status).toBe(429);
      expect((await fetch(`${server.url}/api/v1/catalog?key=${PK}`, { headers: from('192.0.2.250') })).status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/admin/bookings`, { headers: { authorization: `Bearer ${SK}` } })).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('the SDK', () => {
  const client = () => {
    const logs: LogEntry[] = [];
    const api = createTeppanApi(createHttpClient({ apiBase: direct.url, publishableKey: PK, retry: { baseDelayMs: 50 }, onLog: (e) => logs.push(e) }));
    return { api, logs };
  };

  it('waits out a 429 on a read and then gets its answer', async () => {
    // Exhaust this address's allowance for every call (health costs only that).
    await untilRefused(() => fetch(`${direct.url}/api/v1/health`), 2000);
    const { api, logs } = client();
    const started = Date.now();
    const catalog = await api.catalog();
    expect(catalog.name).toBe('Sakura Hibachi Catering');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(logs).toEqual([expect.objectContaining({ route: '/catalog', status: 200, attempts: 2, ok: true })]);
  });

  it('retries a keyed booking refused with 429 once allowed, and exactly one booking exists', async () => {
    await advanceClock(direct, 60_000);
    const eventDate = bookableDate(90);
    const quote = await createQuote(direct.url, { eventDate });
    await untilRefused(() => postQuote(direct.url), 1000);
    const { api, logs } = client();
    const booking = await api.createBooking(bookingBody(quote, `${eventDate}T20:30`), { idempotencyKey: newIdempotencyKey() });
    expect(booking.status).toBe('pending_deposit');
    expect(logs).toEqual([expect.objectContaining({ route: '/bookings', status: 201, attempts: 2 })]);
    expect((await adminBookings(direct.url)).filter((b) => b.slotId === `${eventDate}T20:30`).map((b) => b.id)).toEqual([booking.id]);
  });

  it('fails fast as "busy" when the wait asked is longer than it will bear', async () => {
    await untilRefused(() => guess(direct.url), 50);
    const api = createTeppanApi(createHttpClient({ apiBase: direct.url, publishableKey: 'pk_test_guess', retry: { maxWaitMs: 1000 } }));
    const error = await api.catalog().then(
      () => expect.fail('expected a refusal'),
      (e: TeppanError) => e,
    );
    expect(error).toMatchObject({ kind: 'busy', status: 429, attempts: 1 });
  });

  it('without Retry-After, waits for the reset of the exhausted RateLimit policy', async () => {
    // Another API's server: 429 with only the draft's headers, then the answer.
    let calls = 0;
    const stub: Server = createServer((_, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(429, { RateLimit: '"burst";r=0;t=1', 'RateLimit-Policy': '"burst";q=10;w=1' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
    try {
      const http = createHttpClient({ apiBase: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, publishableKey: PK, retry: { baseDelayMs: 10 } });
      const started = Date.now();
      expect(await http.request({ method: 'GET', path: '/health', schema: health })).toEqual({ status: 'ok' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(calls).toBe(2);
    } finally {
      stub.close();
    }
  });
});

describe('memory', () => {
  it('stays bounded under a flood of distinct addresses, and idle buckets are let go', async () => {
    let clock = Date.now();
    const limiter = createRateLimiter({ maxTracked: 2000 });
    const app = createApp({ store: createMemoryStore(), trustProxy: true, rateLimits: limiter, now: () => clock });
    for (let i = 0; i < 20_000; i++) {
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      // Each a first call (and half of them a first guess at a key): none is refused.
      const res = await app.request(i % 2 ? '/api/v1/health' : '/api/v1/catalog?key=pk_test_guess', { headers: { 'x-forwarded-for': address } });
      expect(res.status).not.toBe(429);
    }
    // At most 2,000 addresses per policy (every call, and unknown keys).
    expect(limiter.tracked()).toBeLessThanOrEqual(2 * 2000);
    // A while later the flood is gone and so are its buckets, as the next visitors come.
    clock += 5 * 60_000;
    for (let i = 0; i < 1000; i++) await app.request('/api/v1/health', { headers: { 'x-forwarded-for': '10.255.0.1' } });
    expect(limiter.tracked()).toBeLessThan(100);
  });

  it('keeps IPv6 visitors of one /64 in one bucket, so new addresses from it gain nothing', async () => {
    const app = createApp({ store: createMemoryStore(), trustProxy: true });
    const guessFrom = (i: number) =>
      app.request('/api/v1/catalog', { headers: { authorization: 'Bearer pk_test_guess', 'x-forwarded-for': `2001:db8:1:2::${i.toString(16)}` } });
    const statuses: number[] = [];
    for (let i = 1; i <= 20; i++) statuses.push((await guessFrom(i)).status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
    const other = await app.request('/api/v1/catalog', { headers: { authorization: 'Bearer pk_test_guess', 'x-forwarded-for': '2001:db8:1:3::1' } });
    expect(other.status).toBe(401);
  });
});
