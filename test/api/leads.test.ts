import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lead as leadSchema, problemDetails } from '../../src/contract';
import { adminConversations, adminLeads, ask, startOf } from '../support/chat';
import { json, PK, SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const postLead = (body: unknown, key: string = crypto.randomUUID()) => fetch(`${server.url}/api/v1/leads`, json(body, { 'idempotency-key': key }));
const admin = (path: string, key = SK) => fetch(`${server.url}/api/v1/admin${path}`, { headers: { authorization: `Bearer ${key}` } });

describe('POST /api/v1/leads', () => {
  it('keeps the handoff form as a lead (201), with the conversation it came from', async () => {
    const chat = await ask(server.url, { text: 'can you do kosher' });
    const conversationId = startOf(chat)?.conversationId ?? '';
    const res = await postLead({ name: ' Ann Lee ', email: 'ann@example.com', question: 'Can you cook kosher?', conversationId });
    expect(res.status).toBe(201);
    const lead = leadSchema.parse(await res.json());
    expect(lead).toEqual({
      id: expect.stringMatching(/^ld_[A-Za-z0-9]{24}$/),
      name: 'Ann Lee',
      email: 'ann@example.com',
      question: 'Can you cook kosher?',
      conversationId,
      // No language sent: English, the language the team's answer and any mail default to.
      locale: 'en',
      createdAt: expect.any(String),
    });
    expect(await adminLeads(server.url)).toContainEqual(lead);
  });

  it('takes a phone instead of an email', async () => {
    const res = await postLead({ name: 'Bo', phone: '(213) 555-0142', question: 'Call me about a wedding' });
    expect(res.status).toBe(201);
    expect(leadSchema.parse(await res.json())).not.toHaveProperty('email');
  });

  it('refuses a lead without email and phone, with the message on email (422)', async () => {
    const res = await postLead({ name: 'Ann', question: 'Hello?' });
    expect(res.status).toBe(422);
    const problem = problemDetails.parse(await res.json());
    expect(problem.code).toBe('validation');
    expect(problem.errors).toEqual([{ field: 'email', pointer: '/email', detail: 'Give an email or a phone number so the team can answer.' }]);
  });

  it('keeps exactly one lead per Idempotency-Key', async () => {
    const key = crypto.randomUUID();
    const body = { name: 'Cy', email: 'cy@example.com', question: 'Once only, please' };
    const first = leadSchema.parse(await (await postLead(body, key)).json());
    const again = await postLead(body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(leadSchema.parse(await again.json())).toEqual(first);
    expect((await adminLeads(server.url)).filter((l) => l.question === 'Once only, please')).toEqual([first]);
    expect((await fetch(`${server.url}/api/v1/leads`, json(body))).status).toBe(400);
  });

  it('leaves out a conversation this tenant does not have instead of refusing the visitor', async () => {
    const res = await postLead({ name: 'Di', email: 'di@example.com', question: 'Old chat', conversationId: 'cv_gone000000000000000000000' });
    expect(res.status).toBe(201);
    expect(leadSchema.parse(await res.json())).not.toHaveProperty('conversationId');
  });

  it('stores hostile text exactly as typed and returns it as JSON text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const question = '<script>alert(1)</script>';
    const res = await postLead({ name, email: 'x@example.com', question });
    const raw = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(raw).toContain(`"name":${JSON.stringify(name)}`);
    const lead = leadSchema.parse(JSON.parse(raw));
    expect(lead).toMatchObject({ name, question });
    expect(await adminLeads(server.url)).toContainEqual(lead);
  });
});

describe('admin lists', () => {
  it.each(['/leads', '/conversations', '/bookings'])('%s needs a secret key and is never cached', async (path) => {
    const res = await admin(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await admin(path, PK)).status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/admin${path}`)).status).toBe(401);
  });

  it('lists conversations with their messages, oldest first', async () => {
    const a = startOf(await ask(server.url, { text: 'hello' }))?.conversationId;
    const b = startOf(await ask(server.url, { text: 'cancel policy' }))?.conversationId;
    const conversations = await adminConversations(server.url);
    const ids = conversations.map((c) => c.id);
    expect(ids.indexOf(a ?? '')).toBeLessThan(ids.indexOf(b ?? ''));
    const found = conversations.find((c) => c.id === b);
    expect(found?.messages.map((m) => Object.keys(m).sort())).toEqual([
      ['createdAt', 'id', 'role', 'text'],
      ['actions', 'confident', 'createdAt', 'id', 'role', 'text'],
    ]);
  });
});
