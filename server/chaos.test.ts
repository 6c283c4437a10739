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
