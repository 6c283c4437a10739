import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { openApiDocument } from './openapi';
import { createMemoryStore } from './store/memory';

describe('the OpenAPI document', () => {
  it('describes every route the server answers, with every method', () => {
    const app = createApp({ store: createMemoryStore(), chaos: true });
    const doc = openApiDocument('http://localhost');
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
      // Chaos listings are test tooling; arming, clearing and the clock are documented.
      .filter((r) => !(r.method === 'GET' && r.path.startsWith('/__chaos')))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '') || '/'}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });
});
