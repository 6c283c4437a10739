import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressTree } from '../../scripts/compress.mjs';
import { createNodeApp, listen } from '../../server/node';
import { createMemoryStore } from '../../server/store/memory';
import { PK } from '../support/fixtures';

/**
 * What a client gets on the wire from the reference server: the build's
 * compressed twins by Accept-Encoding, cache headers, ETags per encoding and
 * 304s, and compressed API JSON (never the chat's stream). Raw HTTP, so the
 * bytes are the ones sent, not a fetch's decoded copy. The files are a small
 * build of our own, compressed by the same script the build runs.
 */
let dist: string;
let servers: Server[];
let origin: string;

const LOADER = `/* loader */ ${'window.Teppan = window.Teppan || function () {};\n'.repeat(80)}`;
const CHUNK = `export const quote = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `line ${i}`))};\n`;
const PAGE = `<!doctype html><html lang="en"><title>Demo</title>${'<p>Sakura Hibachi Catering</p>\n'.repeat(60)}</html>`;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'teppan-wire-'));
  const files: Record<string, string> = {
    'embed/teppan.js': LOADER,
    'embed/quote-BX3a_f9Q.js': CHUNK,
    'embed/tiny.txt': 'x',
    'demo/index.html': PAGE,
    'reports/index.html': PAGE,
    'storybook/index.html': PAGE,
    'reports/embed.html': `<!doctype html><script>${'var x = 1;\n'.repeat(100)}</script>`,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dist, name, '..'), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
  for (const dir of ['embed', 'demo', 'reports', 'storybook']) compressTree(join(dist, dir));
  const app = createNodeApp({
    store: createMemoryStore(),
    chaos: true,
    rateLimits: false,
    embedRoot: join(dist, 'embed'),
    demoRoot: join(dist, 'demo'),
    reportsRoot: join(dist, 'reports'),
    storybookRoot: join(dist, 'storybook'),
  });
  ({ servers } = await listen(app, 0, ['127.0.0.1']).then((l) => {
    origin = `http://127.0.0.1:${l.port}`;
    return l;
  }));
});

afterAll(() => {
  for (const s of servers ?? []) s.close();
  rmSync(dist, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** False when the connection dropped before the whole body arrived. */
  complete: boolean;
}

/** One request, the answer's bytes exactly as sent (no decoding), however many arrived. */
function raw(path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => {});
      res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

describe('files: the build’s compressed twins', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['', undefined],
  ])('Accept-Encoding "%s" gets %s, with the bytes of that twin and their length', async (accept, encoding) => {
    const res = await raw('/embed/teppan.js', { headers: accept ? { 'accept-encoding': accept } : {} });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(decode(res).toString()).toBe(LOADER);
    if (encoding) expect(res.body.length).toBeLessThan(LOADER.length / 5);
  });

  it('keeps the cache headers: immutable hashed chunks, five minutes for the loader, revalidated pages', async () => {
    const br = { 'accept-encoding': 'br' };
    expect((await raw('/embed/quote-BX3a_f9Q.js', { headers: br })).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw('/embed/teppan.js', { headers: br })).headers['cache-control']).toBe('public, max-age=300');
    const page = await raw('/', { headers: br });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(decode(page).toString()).toBe(PAGE);
  });

  it('gives each encoding its own ETag, and answers If-None-Match with 304 in every encoding', async () => {
    const tags = new Set<string>();
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await raw('/embed/teppan.js', { headers: { 'accept-encoding': accept } });
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[\w-]+"$/);
      tags.add(etag);
      const again = await raw('/embed/teppan.js', { headers: { 'accept-encoding': accept, 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe('public, max-age=300');
      expect(again.headers.vary).toMatch(/accept-encoding/i);
      // A tag of another encoding names other bytes: the whole answer comes back.
      const other = await raw('/embed/teppan.js', { headers: { 'accept-encoding': accept === 'br' ? 'gzip' : 'br', 'if-none-match': etag } });
      expect(other.status).toBe(200);
    }
    expect(tags.size).toBe(3);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await raw('/embed/teppan.js', { headers: { 'accept-encoding': 'br' } });
    const head = await raw('/embed/teppan.js', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'content-type', 'etag', 'cache-control', 'vary'])
      expect(head.headers[name]).toBe(get.headers[name]);
  });

  it('sends a file whose twin would not be smaller as it is, with no Vary', async () => {
    const res = await raw('/embed/tiny.txt', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.body.toString()).toBe('x');
  });

  it.each(['/reports', '/storybook'])('serves %s/ (redirected from %s) under its own policy, the demo pages keeping the strict one', async (mount) => {
    const bare = await raw(`${mount}?x=1`);
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe(`${mount}/?x=1`);
    const index = await raw(`${mount}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(index.status).toBe(200);
    expect(decode(index).toString()).toBe(PAGE);
    expect(index.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const demo = await raw('/');
    expect(demo.headers['content-security-policy']).toContain("script-src 'self';");
    expect(demo.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('mounts Storybook before it is built: a page says it is being built, then the built site is served', async () => {
    const later = join(dist, 'storybook-later');
    const app = createNodeApp({ store: createMemoryStore(), chaos: false, rateLimits: false, storybookRoot: later });
    const { servers: own, port } = await listen(app, 0, ['127.0.0.1']);
    try {
      const building = await fetch(`http://127.0.0.1:${port}/storybook/`);
      expect(building.status).toBe(503);
      expect(building.headers.get('content-type')).toContain('text/html');
      expect(await building.text()).toContain('Storybook is being built');
      mkdirSync(later);
      writeFileSync(join(later, 'index.html'), PAGE);
      const built = await fetch(`http://127.0.0.1:${port}/storybook/`);
      expect(built.status).toBe(200);
      expect(await built.text()).toBe(PAGE);
    } finally {
      for (const s of own) s.close();
    }
  });

  it('never serves what is outside the folder or hidden', async () => {
    writeFileSync(join(dist, 'embed', '.secret'), 'no');
    for (const path of ['/embed/.secret', '/embed/%2e%2e/demo/index.html', '/embed/..%2fdemo/index.html']) {
      expect((await raw(path)).status).toBe(404);
    }
  });
});

describe('API JSON', () => {
  const openapi = '/api/v1/openapi.json';

  it('compresses a body over 1 kB (brotli, else gzip) with Vary; a small one goes as it is, Vary too', async () => {
    const plain = await raw(openapi);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await raw(openapi, { headers: { 'accept-encoding': accept } });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decode(res).toString())).toEqual(JSON.parse(plain.body.toString()));
    }
    const health = await raw('/api/v1/health', { headers: { 'accept-encoding': 'br' } });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(health.body.toString())).toEqual({ status: 'ok' });
  });

  it('streams the chat’s reply uncompressed, line by line', async () => {
    const res = await raw('/api/v1/chat/messages', {
      method: 'POST',
      headers: {
        'accept-encoding': 'gzip, deflate, br',
        authorization: `Bearer ${PK}`,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({ messageId: crypto.randomUUID(), text: 'what does a deposit cost' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-encoding']).toBeUndefined();
    const lines = res.body.toString().trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(JSON.parse(lines.at(-1) ?? '').type).toBe('end');
  });

  it('leaves an answer a chaos fault cuts uncompressed, so the cut falls where it says', async () => {
    const arm = await raw('/__chaos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: openapi, cutAfterBytes: 300, times: 1 }),
    });
    expect(arm.status).toBe(201);
    const cut = await raw(openapi, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(cut.complete).toBe(false);
    expect(cut.headers['content-encoding']).toBeUndefined();
    expect(cut.body.length).toBe(300);
    expect(cut.body.toString()).toMatch(/^\{"openapi"/);
  });
});
