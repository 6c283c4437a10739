import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios, { type AxiosError } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamAdapter } from './stream-adapter';

/**
 * The streamed call's adapter against a real HTTP server: the chat's reply
 * arrives as it is written, and every failure is the axios error the client
 * maps (client.ts, toTeppanError), as axios's own fetch adapter gave.
 */
let server: Server;
let base: string;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/trickle') {
      // The first line now, the rest only when asked (`/release`): a reply still being written.
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.write('{"n":1}\n');
      held.push(res);
    } else if (url.pathname === '/release') {
      for (const r of held.splice(0)) r.end('{"n":2}\n');
      res.end();
    } else if (url.pathname === '/silent') {
      held.push(res); // no answer until the test ends
    } else if (url.pathname === '/busy') {
      res.writeHead(503, { 'Content-Type': 'application/problem+json', 'Retry-After': '2' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503 }));
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, query: url.search, key: req.headers.authorization }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const r of held.splice(0)) r.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const call = (path: string, extra: Record<string, unknown> = {}) =>
  axios.request({ baseURL: base, url: path, method: 'POST', data: { text: 'hi' }, adapter: streamAdapter, responseType: 'stream', ...extra });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function failure(promise: Promise<unknown>): Promise<AxiosError> {
  try {
    await promise;
  } catch (error) {
    if (axios.isAxiosError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('streamAdapter', () => {
  it('hands over the body as it arrives, before the server has finished it', async () => {
    const response = await call('/trickle', { timeout: 5_000 });
    const reader = (response.data as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('{"n":1}\n');
    await fetch(`${base}/release`);
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toBe('{"n":2}\n');
  });

  it('sends what axios resolved: the URL with its parameters, the method, the headers and the JSON body', async () => {
    const response = await call('/echo', { params: { key: 'pk_test' }, headers: { Authorization: 'Bearer pk_test' } });
    expect(JSON.parse(await readAll(response.data))).toEqual({ method: 'POST', query: '?key=pk_test', key: 'Bearer pk_test' });
  });

  it('a refusal rejects with its status and headers, and its problem document still readable', async () => {
    const error = await failure(call('/busy'));
    expect(error.code).toBe('ERR_BAD_RESPONSE');
    expect(error.response?.status).toBe(503);
    expect(error.response?.headers['retry-after']).toBe('2');
    expect(JSON.parse(await readAll(error.response?.data as ReadableStream<Uint8Array>))).toMatchObject({ title: 'Busy' });
  });

  it('no answer within the timeout is ETIMEDOUT, with the request it sent', async () => {
    const error = await failure(call('/silent', { timeout: 150 }));
    expect(error.code).toBe('ETIMEDOUT');
    expect(error.request).toBeDefined();
  });

  it('the timeout still runs while the body streams: a reply that stalls is cut off', async () => {
    const response = await call('/trickle', { timeout: 300 });
    await expect(readAll(response.data)).rejects.toBeDefined();
  });

  it("the caller's abort is ERR_CANCELED, with the request it sent", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(call('/silent', { signal: controller.signal, timeout: 5_000 }));
    expect(axios.isCancel(error)).toBe(true);
    expect(error.code).toBe('ERR_CANCELED');
    expect(error.request).toBeDefined();
  });

  it('no server at all is ERR_NETWORK, with no response', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(call('/x', { baseURL: `http://127.0.0.1:${port}` }));
    expect(error.code).toBe('ERR_NETWORK');
    expect(error.response).toBeUndefined();
  });
});
