import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../server/http/rate-limit';
import { problemDetails } from '../../src/contract';
import { adminLeads } from '../support/chat';
import { json } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

// The production defaults: no TEPPAN_LEAD_LIMITS. Behind a trusted proxy, so each test is a visitor of its own.
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ TEPPAN_TRUST_PROXY: '1' });
});
afterAll(() => server.stop());

let visitors = 0;
const newVisitor = () => `203.0.113.${++visitors}`;
const postLead = (visitor: string, question: string, key: string = crypto.randomUUID()) =>
  fetch(`${server.url}/api/v1/leads`, json({ name: 'Ann', email: 'ann@example.com', question }, { 'idempotency-key': key, 'x-forwarded-for': visitor }));

const PER_VISITOR = LIMITS.lead.burst;
const PER_TENANT = LIMITS['lead-tenant'].burst;

describe('leads have their own allowance', () => {
  it('lets one visitor leave a handful of leads an hour, then answers 429 with Retry-After and stores nothing more', async () => {
    const visitor = newVisitor();
    const statuses: number[] = [];
    for (let i = 0; i < PER_VISITOR + 3; i++) statuses.push((await postLead(visitor, `burst ${visitor} ${i}`)).status);
    expect(statuses).toEqual([...Array(PER_VISITOR).fill(201), 429, 429, 429]);

    const refused = await postLead(visitor, `burst ${visitor} late`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    // One lead back every 60 / (5 an hour) = 12 minutes.
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(600);
    expect(retryAfter).toBeLessThanOrEqual(3600 / PER_VISITOR);
    const problem = problemDetails.parse(await refused.json());
    expect(problem).toMatchObject({ status: 429, code: 'too-many-leads' });
    expect(problem.detail).toMatch(/several messages in the last hour/);

    const stored = (await adminLeads(server.url)).filter((l) => l.question.startsWith(`burst ${visitor} `));
    expect(stored).toHaveLength(PER_VISITOR);
    // Another visitor is not held back by the first.
    expect((await postLead(newVisitor(), 'someone else')).status).toBe(201);
  });

  it('answers a replay of a stored lead (same Idempotency-Key) without spending the allowance', async () => {
    const visitor = newVisitor();
    const key = crypto.randomUUID();
    for (let i = 0; i < PER_VISITOR + 5; i++) {
      const res = await postLead(visitor, 'the same lead, retried', key);
      expect(res.status).toBe(201);
      if (i > 0) expect(res.headers.get('idempotent-replayed')).toBe('true');
    }
    // Refused leads (422) give their tokens back too.
    const invalid = await fetch(
      `${server.url}/api/v1/leads`,
      json({ name: 'Ann', question: 'no contact' }, { 'idempotency-key': crypto.randomUUID(), 'x-forwarded-for': visitor }),
    );
    expect(invalid.status).toBe(422);
    const statuses: number[] = [];
    for (let i = 1; i < PER_VISITOR + 1; i++) statuses.push((await postLead(visitor, `after the replays ${i}`)).status);
    expect(statuses).toEqual([...Array(PER_VISITOR - 1).fill(201), 429]);
  });

  it('caps the leads of one tenant across visitors, each visitor within their own allowance', async () => {
    // What the tests above stored counts too: fill what is left of the tenant's hour, one lead per visitor.
    const statuses: number[] = [];
    for (let i = 0; i < PER_TENANT; i++) statuses.push((await postLead(newVisitor(), `crowd ${i}`)).status);
    const refused = await postLead(newVisitor(), 'one more from a new visitor');
    expect(refused.status).toBe(429);
    expect(problemDetails.parse(await refused.json()).detail).toMatch(/The team has received many messages/);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3600 / PER_TENANT);
    expect((await adminLeads(server.url)).length).toBe(PER_TENANT);
    expect(statuses.filter((s) => s === 201).length).toBeLessThan(PER_TENANT);
  });
});
