import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, bookableDates } from '../src/core/schedule';
import { readEvents } from '../test/support/chat';
import { referenceApiHandlers } from './msw';
import { demoTenant } from './tenants';

/** The browser's transport, run under Node: MSW answers fetch with the reference API itself. */
const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.close());

const send = (key: string) =>
  fetch('http://api.test/api/v1/chat/messages', {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ messageId: 'msw-message-1', text: 'what does the chef bring' }),
  });

describe('the reference API through MSW', () => {
  it('streams a chat reply, and a cutAfterBytes fault breaks its body after that many bytes while the server completes it', async () => {
    mock.resetHandlers(...referenceApiHandlers({ faults: [{ method: 'POST', path: '/api/v1/chat/messages', cutAfterBytes: 200, times: 1 }] }));
    const cut = await readEvents(await send('msw-key-0001'));
    expect(cut.cut).toBe(true);
    expect(cut.events[0]?.type).toBe('start');
    expect(cut.events.some((e) => e.type === 'end')).toBe(false);
    // While the server is still answering, the same key gets 409 with Retry-After.
    let retry = await readEvents(await send('msw-key-0001'));
    for (let i = 0; retry.status === 409 && i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      retry = await readEvents(await send('msw-key-0001'));
    }
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.events.at(-1)).toMatchObject({ type: 'end', message: { text: expect.stringMatching(/^Your chef brings the hibachi grill/) } });
    expect(retry.events[0]).toEqual(cut.events[0]);
  });

  it('under a base path answers as at the root, and two bases on one page share neither store nor armed faults', async () => {
    mock.resetHandlers(
      ...referenceApiHandlers({ base: '/one', faults: [{ path: '/api/v1/catalog', status: 503 }] }),
      ...referenceApiHandlers({ base: '/two' }),
    );
    expect((await fetch('http://api.test/one/api/v1/catalog?key=pk_test_demo')).status).toBe(503);
    expect((await fetch('http://api.test/two/api/v1/catalog?key=pk_test_demo')).status).toBe(200);
    const made = await fetch('http://api.test/two/api/v1/quotes', {
      method: 'POST',
      headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json' },
      body: JSON.stringify({ adults: 12, eventDate: addDays(bookableDates(demoTenant.catalog, Date.now()).first, 10), zip: '90012' }),
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    expect((await fetch(`http://api.test/two/api/v1/quotes/${id}?key=pk_test_demo`)).status).toBe(200);
    expect((await fetch(`http://api.test/one/api/v1/quotes/${id}?key=pk_test_demo`)).status).toBe(404);
  });
});
