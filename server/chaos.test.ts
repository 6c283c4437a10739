import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { CUT_AFTER_BYTES_HEADER, cutResponse } from './chaos';
import { createMemoryStore } from './store/memory';

describe('the cutAfterBytes fault, as the browser transport (MSW) cuts it', () => {
  it('marks the response, whose body then errors after exactly that many bytes', async () => {
    const app = createApp({ store: createMemoryStore(), chaos: true, faults: [{ path: '/api/v1/health', cutAfterBytes: 5, times: 1 }] });
    const marked = await app.request('/api/v1/health');
    expect(marked.headers.get(CUT_AFTER_BYTES_HEADER)).toBe('5');
    const cut = cutResponse(marked, (body) => body.error(new TypeError('Failed to fetch')));
    expect(cut.status).toBe(200);
    expect(cut.headers.has(CUT_AFTER_BYTES_HEADER)).toBe(false);
    const reader = cut.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe('{"sta');
    await expect(reader?.read()).rejects.toThrow('Failed to fetch');
    // Once only.
    expect((await app.request('/api/v1/health')).headers.has(CUT_AFTER_BYTES_HEADER)).toBe(false);
  });
});

describe('a fault aimed at one Idempotency-Key', () => {
  it('hits only the requests carrying that key, however many others call the route meanwhile', async () => {
    const app = createApp({
      store: createMemoryStore(),
      chaos: true,
      faults: [{ method: 'POST', path: '/api/v1/quotes', idempotencyKey: 'key-of-mine-1', status: 503, times: 1 }],
    });
    const post = (key: string) =>
      app.request('/api/v1/quotes', {
        method: 'POST',
        headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ adults: 10 }),
      });
    expect((await post('key-of-other-1')).status).not.toBe(503);
    expect((await post('key-of-mine-1')).status).toBe(503);
    expect((await post('key-of-mine-1')).status).not.toBe(503);
  });
});
