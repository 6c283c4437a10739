import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';
import { readUntilCut } from '../support/streams';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
afterEach(() => server.reset());

describe('the cutAfterBytes fault', () => {
  it('sends the status, the headers and exactly that many bytes, then drops the connection', async () => {
    const whole = await (await fetch(`${server.url}/api/v1/catalog?key=${PK}`)).text();
    await server.arm({ path: '/api/v1/catalog', cutAfterBytes: 40, times: 1 });
    const res = await fetch(`${server.url}/api/v1/catalog?key=${PK}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.has('x-teppan-cut-after-bytes')).toBe(false);
    const got = await readUntilCut(res);
    expect(got).toEqual({ bytes: 40, text: whole.slice(0, 40), cut: true });
    // Armed once: the next answer is whole.
    expect(await (await fetch(`${server.url}/api/v1/catalog?key=${PK}`)).text()).toBe(whole);
  });

  it('lets a body shorter than the limit through whole', async () => {
    await server.arm({ path: '/api/v1/health', cutAfterBytes: 10_000, times: 1 });
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(await readUntilCut(res)).toEqual({ bytes: 15, text: '{"status":"ok"}', cut: false });
  });
});
