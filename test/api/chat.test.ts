import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerFromFaq } from '../../server/chat/faq-answerer';
import { demoTenant } from '../../server/tenants';
import { conversation as conversationSchema, problemDetails } from '../../src/contract';
import { adminConversations, ask, chatPost, deltasOf, endOf, readEvents, startOf } from '../support/chat';
import { PK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
afterEach(() => server.reset());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const storedConversation = async (id: string) => (await adminConversations(server.url)).find((c) => c.id === id);
const history = (id: string) => fetch(`${server.url}/api/v1/chat/conversations/${id}?key=${PK}`);

describe('POST /api/v1/chat/messages', () => {
  it('streams the reply as newline-delimited JSON: start, several deltas as they are written, then end with the reply as stored', async () => {
    const reply = await ask(server.url, { text: 'how much per kid' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.cut).toBe(false);
    expect(reply.events[0]?.type).toBe('start');
    expect(reply.events.at(-1)?.type).toBe('end');
    const deltas = deltasOf(reply);
    expect(deltas.length).toBeGreaterThanOrEqual(5);
    expect(reply.events.slice(1, -1).every((e) => e.type === 'delta')).toBe(true);
    // Streamed, not sent whole: the first line arrives well before the last.
    expect((reply.arrivals.at(-1) ?? 0) - (reply.arrivals[0] ?? 0)).toBeGreaterThanOrEqual(100);
    expect(reply.arrivals.at(-1)).toBeLessThan(1500);

    const start = startOf(reply);
    const end = endOf(reply);
    const expected = answerFromFaq(demoTenant, 'how much per kid');
    expect(end?.message).toEqual({
      id: start?.replyId,
      role: 'assistant',
      text: expected.text,
      createdAt: expect.any(String),
      actions: [{ type: 'quote', label: 'Get a quote' }],
      confident: true,
    });
    expect(deltas.join('')).toBe(expected.text);
  });

  it('starts a new conversation for a first message, with an unguessable id, and continues it when named', async () => {
    const first = await ask(server.url, { text: 'hi' });
    const other = await ask(server.url, { text: 'hi' });
    const id = startOf(first)?.conversationId ?? '';
    expect(id).toMatch(/^cv_[A-Za-z0-9]{24}$/);
    expect(startOf(other)?.conversationId).not.toBe(id);

    const second = await ask(server.url, { conversationId: id, text: 'wat if it rains' });
    expect(startOf(second)?.conversationId).toBe(id);
    const res = await history(id);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const stored = conversationSchema.parse(await res.json());
    expect(stored.id).toBe(id);
    expect(stored.messages.map((m) => [m.role, m.text])).toEqual([
      ['visitor', 'hi'],
      ['assistant', endOf(first)?.message.text],
      ['visitor', 'wat if it rains'],
      ['assistant', endOf(second)?.message.text],
    ]);
    expect(stored.messages[0]?.id).toBe(startOf(first)?.messageId);
    expect(stored.messages[1]).toEqual(endOf(first)?.message);
  });

  it('answers 404 for a conversation it does not have, and stores nothing', async () => {
    const res = await chatPost(server.url, { conversationId: 'cv_doesnotexist0000000000000', text: 'hello' });
    expect(res.status).toBe(404);
    expect(problemDetails.parse(await res.json())).toMatchObject({ code: 'conversation-not-found' });
    expect((await history('cv_doesnotexist0000000000000')).status).toBe(404);
  });

  it('replays the same reply for the same Idempotency-Key, all at once, and stores no second answer', async () => {
    const key = crypto.randomUUID();
    const body = { messageId: crypto.randomUUID(), text: 'whats the deposit' };
    const first = await ask(server.url, body, key);
    const again = await ask(server.url, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(again.events).toEqual(first.events);
    const id = startOf(first)?.conversationId ?? '';
    expect((await storedConversation(id))?.messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
  });

  it('answers a retry while the first is still being answered with 409 and Retry-After', async () => {
    const key = crypto.randomUUID();
    const body = { messageId: crypto.randomUUID(), text: 'whats on the menu' };
    const first = await chatPost(server.url, body, key);
    const retry = await chatPost(server.url, body, key);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).toBe('1');
    expect(problemDetails.parse(await retry.json())).toMatchObject({ code: 'idempotency-in-flight' });
    expect(endOf(await readEvents(first))).toBeDefined();
  });

  it('gives one message one answer even under another key; another text under the same message id is refused', async () => {
    const first = await ask(server.url, { messageId: 'message-0001', text: 'cancel policy' });
    const id = startOf(first)?.conversationId ?? '';
    const sameMessage = await ask(server.url, { conversationId: id, messageId: 'message-0001', text: 'cancel policy' });
    expect(endOf(sameMessage)?.message).toEqual(endOf(first)?.message);
    const reused = await chatPost(server.url, { conversationId: id, messageId: 'message-0001', text: 'something else' });
    expect(reused.status).toBe(409);
    expect(problemDetails.parse(await reused.json())).toMatchObject({ code: 'message-id-reused' });
    expect((await storedConversation(id))?.messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
  });

  it('finishes and stores the whole reply when the connection is cut mid-answer; a retry with the same key gets it complete', async () => {
    await server.arm({ method: 'POST', path: '/api/v1/chat/messages', cutAfterBytes: 250, times: 1 });
    const key = crypto.randomUUID();
    const body = { messageId: crypto.randomUUID(), text: 'what does the chef bring' };
    const cut = await readEvents(await chatPost(server.url, body, key));
    expect(cut.cut).toBe(true);
    expect(startOf(cut)).toBeDefined();
    expect(endOf(cut)).toBeUndefined();
    const partial = deltasOf(cut).join('');
    const whole = answerFromFaq(demoTenant, body.text).text;
    expect(whole.startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(whole.length);

    // Retried as the SDK does: while the server is still answering, 409 with Retry-After; then the stored reply.
    let retry = await ask(server.url, body, key);
    for (let i = 0; retry.status === 409 && i < 10; i++) {
      await sleep(Number(retry.headers.get('retry-after') ?? 1) * 1000);
      retry = await ask(server.url, body, key);
    }
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(startOf(retry)).toEqual(startOf(cut));
    expect(endOf(retry)?.message.text).toBe(whole);
    expect(deltasOf(retry).join('')).toBe(whole);
    const stored = await storedConversation(startOf(cut)?.conversationId ?? '');
    expect(stored?.messages.map((m) => [m.role, m.text])).toEqual([
      ['visitor', body.text],
      ['assistant', whole],
    ]);
  });

  it('says plainly when it is not sure, and offers a person', async () => {
    const reply = await ask(server.url, { text: 'who won the game' });
    expect(endOf(reply)?.message).toMatchObject({
      confident: false,
      actions: [{ type: 'handoff', label: 'Talk to a person' }],
      text: expect.stringMatching(/not sure/),
    });
  });

  it.each(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{"type":"end"}\n{"oops"', '"; DROP TABLE chat_messages; --'])(
    'stores %j exactly as typed and returns it as JSON text',
    async (text) => {
      const reply = await ask(server.url, { text });
      expect(reply.status).toBe(200);
      const id = startOf(reply)?.conversationId ?? '';
      const res = await history(id);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      // A JSON string, escaped as JSON escapes it and no other way: no HTML entities, nothing stripped.
      const raw = await res.text();
      expect(raw).toContain(`"text":${JSON.stringify(text)}`);
      expect(conversationSchema.parse(JSON.parse(raw)).messages[0]?.text).toBe(text);
      expect((await storedConversation(id))?.messages[0]?.text).toBe(text);
      expect(endOf(reply)?.message.text).not.toContain('<');
    },
  );

  it('refuses what it cannot take: no key, no text, a bad message id, too long a message', async () => {
    const noKey = await fetch(`${server.url}/api/v1/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}` },
      body: JSON.stringify({ messageId: crypto.randomUUID(), text: 'hi' }),
    });
    expect(noKey.status).toBe(400);
    expect(problemDetails.parse(await noKey.json())).toMatchObject({ code: 'idempotency-key-required' });
    for (const [body, field] of [
      [{ messageId: crypto.randomUUID(), text: '   ' }, 'text'],
      [{ messageId: 'x', text: 'hi' }, 'messageId'],
      [{ messageId: crypto.randomUUID(), text: 'a'.repeat(2001) }, 'text'],
    ] as const) {
      const res = await chatPost(server.url, body);
      expect(res.status).toBe(422);
      expect(problemDetails.parse(await res.json()).errors?.map((e) => e.field)).toEqual([field]);
    }
    expect((await fetch(`${server.url}/api/v1/chat/conversations/x`)).status).toBe(401);
  });
});
