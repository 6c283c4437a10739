import { connect } from 'node:net';
import type { Hono } from 'hono';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { AppEnv } from '../../server/http/env';
import { referenceApiHandlers } from '../../server/msw';
import { createMemoryStore } from '../../server/store/memory';
import type { Booking, ProblemDetails } from '../../src/contract';
import { bookableDate, bookingBody, createQuote, json, PK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/** What a hostile client sees of the API's answers: headers, errors it did not ask for, sizes, the connection. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}/api/v1${path}`, init);
const auth = { authorization: `Bearer ${PK}` };

async function problemOf(res: Response): Promise<ProblemDetails> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as ProblemDetails;
  expect(body.status).toBe(res.status);
  return body;
}

function expectApiHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
}

describe('security headers', () => {
  it.each([
    ['a JSON answer', () => api('/health'), 200],
    ['a refused key', () => api('/catalog'), 401],
    ['a validation error', () => api('/quotes', json({})), 422],
    ['an unknown route', () => api('/nope'), 404],
    ['a wrong method', () => api('/catalog', { method: 'DELETE', headers: auth }), 405],
    ['a preflight', () => api('/quotes', { method: 'OPTIONS', headers: { origin: 'http://localhost:8787', 'access-control-request-method': 'POST' } }), 204],
    ['an unknown booking’s calendar file', () => api('/bookings/bk_none/calendar.ics', { headers: auth }), 404],
  ])('on %s', async (_, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectApiHeaders(res);
  });

  it('on the contract’s other media: a calendar file and a streamed chat reply', async () => {
    const quote = await createQuote(server.url, { eventDate: bookableDate(31) });
    const booked = await api('/bookings', json(bookingBody(quote, `${quote.eventDate}T12:00`), { 'idempotency-key': crypto.randomUUID() }));
    const { id } = (await booked.json()) as Booking;
    const calendar = await api(`/bookings/${id}/calendar.ics`, { headers: auth });
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    expectApiHeaders(calendar);
    const chat = await api(
      '/chat/messages',
      json({ messageId: crypto.randomUUID(), text: 'do you travel to 92660' }, { 'idempotency-key': crypto.randomUUID() }),
    );
    expect(chat.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expectApiHeaders(chat);
    await chat.text();
  });

  it('outside the API too: a 404 or 405 anywhere on the server is a problem with the API’s headers', async () => {
    for (const [method, path, status] of [
      ['GET', '/no-such-page.html', 404],
      ['GET', '/api/v2/catalog', 404],
      ['GET', '/embed/no-such-chunk.js', 404],
      ['POST', '/embed/teppan.js', 405],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(status);
      expectApiHeaders(res);
      expect((await problemOf(res)).code).toBe(status === 404 ? 'not-found' : 'method-not-allowed');
      if (status === 405) expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('a refused preflight (an origin no tenant allows) is a problem too', async () => {
    const res = await api('/quotes', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await problemOf(res)).code).toBe('origin-not-allowed');
  });
});

describe('routes that do not exist', () => {
  it.each([
    ['with a key', { headers: auth }],
    ['without one', {}],
  ])('an unknown path, %s: a 404 problem', async (_, init) => {
    const res = await api('/bookingz', init);
    expect(res.status).toBe(404);
    expect(await problemOf(res)).toMatchObject({ code: 'not-found', detail: 'There is no route GET /api/v1/bookingz.' });
  });

  it.each([
    ['DELETE', '/catalog', 'GET, HEAD, OPTIONS'],
    ['PUT', '/bookings', 'POST, OPTIONS'],
    ['POST', '/bookings/bk_x', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/health', 'GET, HEAD, OPTIONS'],
  ])('%s %s: a 405 problem with Allow', async (method, path, allow) => {
    const res = await api(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: method === 'DELETE' ? null : '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect((await problemOf(res)).code).toBe('method-not-allowed');
  });

  it('HEAD of a GET route still answers', async () => {
    const res = await api('/health', { method: 'HEAD' });
    expect(res.status).toBe(200);
  });
});

describe('bounded error bodies', () => {
  const valid = { adults: 10, eventDate: bookableDate(), zip: '90012' };

  it('a 49 kB body of 5,000 unknown keys gets a small 422 listing the first 20 and saying how many there were', async () => {
    const body = { ...valid, ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${String(i).padStart(4, '0')}`, 1])) };
    const sent = JSON.stringify(body);
    expect(sent.length).toBeGreaterThan(45_000);
    const res = await api('/quotes', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: sent });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(3000);
    const problem = JSON.parse(text) as ProblemDetails;
    expect(problem.errors).toHaveLength(20);
    expect(problem.errors?.[0]).toEqual({ field: 'x0000', pointer: '/x0000', detail: 'Unknown field “x0000”.' });
    expect(problem.detail).toBe('5000 fields are invalid; errors lists the first 20.');
  });

  it('fields the contract knows are listed before unknown keys, so a flood of keys cannot hide them', async () => {
    const body = { ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 1])), adults: 'ten', zip: '90012' };
    const problem = await problemOf(await api('/quotes', json(body)));
    expect(problem.errors?.slice(0, 2).map((e) => e.field)).toEqual(['adults', 'eventDate']);
    expect(problem.detail).toBe('102 fields are invalid; errors lists the first 20.');
  });

  it('a 40 kB key is not echoed back whole', async () => {
    const res = await api('/quotes', json({ ...valid, ['k'.repeat(40_000)]: 1 }));
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(1500);
    expect((JSON.parse(text) as ProblemDetails).errors?.[0]?.field).toBe(`${'k'.repeat(99)}…`);
  });
});

/**
 * A POST of `size` bytes over a bare socket, which (unlike fetch or node:http)
 * shows the Connection header as sent and whether the server then closes its
 * side in order (a FIN: 'end') or resets: `sendAll` false stops after the
 * headers and 1 kB, as a slow or hostile client would.
 */
function postRaw(size: number, { sendAll = true } = {}): Promise<{ status: number; connection?: string; body: string; closed: 'end' | 'reset' | 'open' }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let raw = '';
    const done = (closed: 'end' | 'reset' | 'open') => {
      clearTimeout(timer);
      socket.destroy();
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0);
      resolve({ status, connection: /^connection: *(.+)$/im.exec(head)?.[1]?.trim().toLowerCase(), body, closed });
    };
    const timer = setTimeout(() => done('open'), 5000);
    socket.on('data', (d: Buffer) => {
      raw += d;
    });
    socket.once('end', () => done('end'));
    socket.once('error', () => done('reset'));
    socket.write(
      `POST /api/v1/quotes HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${PK}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
    );
    // Written in pieces, as a real upload: the server answers while much of it is still to come.
    const piece = Buffer.alloc(64 * 1024, 0x20);
    let left = sendAll ? size : 1000;
    const pump = () => {
      while (left > 0 && !socket.destroyed) {
        const part = piece.subarray(0, Math.min(left, piece.length));
        left -= part.length;
        if (!socket.write(part)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

describe('a body over the 64 kB limit', () => {
  // Reading on to the end of a 20 MB body only to throw it away would hand a hostile client our bandwidth,
  // so the server answers at once, says it will close, closes its side in order and drops what still comes for a while.
  it.each([
    ['just over, sent whole', 100_000, true],
    ['far over (20 MB), the answer coming mid-upload', 20_000_000, true],
    ['from a client that stops sending after 1 kB', 100_000, false],
  ])('%s: a 413 problem saying Connection: close, then an orderly close (no reset before the answer)', async (_, size, sendAll) => {
    const res = await postRaw(size, { sendAll });
    expect(res.status).toBe(413);
    expect(res.connection).toBe('close');
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, code: 'payload-too-large' });
    expect(res.closed).toBe('end');
  });

  it('a body within the limit keeps the connection alive', async () => {
    const res = await api('/quotes', json({ adults: 10, eventDate: bookableDate(), zip: '90012' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('connection')).toBe('keep-alive');
  });
});

describe('/__chaos: only with TEPPAN_CHAOS=1, only from this machine', () => {
  // In-process, so the peer's address can be any: Node takes it from the socket (see server/node.ts).
  const appFrom = (address: string, chaos = true) => createApp({ store: createMemoryStore(), chaos, addressOf: () => address });
  const arm = (app: Hono<AppEnv>) =>
    app.request('/__chaos', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"path":"/api/v1/catalog","status":503}' });

  it.each(['127.0.0.1', '127.8.9.10', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('arms faults for a caller on loopback (%s)', async (address) => {
    const app = appFrom(address);
    expect((await arm(app)).status).toBe(201);
    expect((await app.request(`/api/v1/catalog?key=${PK}`)).status).toBe(503);
  });

  it.each([
    ['another machine', '192.0.2.7', true],
    ['another machine over IPv6', '2001:db8::7', true],
    ['an IPv6 address that merely ends in 127.0.0.1', '::127.0.0.1', true],
    ['loopback, with chaos off', '127.0.0.1', false],
  ])('from %s: a 404 problem, as if there were no such route, and nothing armed', async (_, address, chaos) => {
    const app = appFrom(address, chaos);
    for (const [method, path] of [
      ['POST', '/__chaos'],
      ['GET', '/__chaos'],
      ['GET', '/__chaos/requests'],
      ['POST', '/__chaos/clock'],
      ['DELETE', '/__chaos'],
    ] as const) {
      const res = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : null });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await problemOf(res)).toMatchObject({ code: 'not-found', detail: `There is no route ${method} ${path}.` });
    }
    await arm(app);
    expect((await app.request(`/api/v1/catalog?key=${PK}`)).status).toBe(200);
  });

  it('is open to the page itself through MSW (Storybook, component tests): the app runs in its process', async () => {
    const mock = setupServer(...referenceApiHandlers());
    mock.listen({ onUnhandledRequest: 'error' });
    try {
      const armed = await fetch('http://api.test/__chaos', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"path":"/api/v1/catalog","status":503}',
      });
      expect(armed.status).toBe(201);
      expect((await fetch(`http://api.test/api/v1/catalog?key=${PK}`)).status).toBe(503);
    } finally {
      mock.close();
    }
  });
});
