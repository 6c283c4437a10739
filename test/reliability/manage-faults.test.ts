import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../server/chaos';
import { manageToken } from '../../server/domain/manage-token';
import {
  type AdminBooking,
  type AdminMessageList,
  adminMessageList,
  type Booking,
  cancelResponse,
  type Payment,
  type Quote,
  rescheduleResponse,
} from '../../src/contract';
import { createHttpClient, newIdempotencyKey } from '../../src/core';
import type { FakeStripe } from '../support/fake-stripe';
import { bookableDate } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { STRIPE_CARD as CARD, STRIPE_PK as PK, STRIPE_SK as SK, type StripeServer, startStripeServer } from '../support/stripe-server';

/**
 * The fault matrix's rows for the manage link: reschedule and cancel, each
 * driven through the SDK's retrying client (the one every widget uses) while
 * the server is made to fail the way the matrix's other rows are
 * (fault-matrix/columns.ts): a reset before handling, the answer lost after
 * the commit, 503 twice, 429 with Retry-After, an answer slower than the
 * attempt's timeout, a double click (one key sent twice at once) and two tabs
 * (two keys at once). On the Stripe tenant, so the fake Stripe counts every
 * refund and every charge. Each cell is its own paid booking, run one after
 * another so what each queued in the outbox is its own.
 */
/** Short per-attempt timeouts, so the slow column's wait is seconds (the widgets' own are longer; the policy is the same). */
const TIMING = { attemptMs: 2_000, budgetMs: 30_000 };

let fake: FakeStripe;
let server: TestServer;
let secret: string;
let stripe: StripeServer;
beforeAll(async () => {
  stripe = await startStripeServer();
  ({ fake, server, secret } = stripe);
}, 60_000);
afterAll(() => stripe?.stop());

const post = (path: string, body: unknown) =>
  fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}`, 'idempotency-key': newIdempotencyKey() },
    body: JSON.stringify(body),
  });
const intentOf = (payment: Payment) => (payment.clientSecret ?? '').split('_secret_')[0] ?? '';

let offset = 0;
/** A booking at 18:00 on a day of its own whose deposit Stripe took, its manage token and its PaymentIntent. */
async function paidBooking() {
  offset += 1;
  const date = bookableDate(20 + offset);
  const quote = (await (await post('/quotes', { adults: 10, eventDate: date, zip: '90012' })).json()) as Quote;
  const customer = { name: `Guest ${offset}`, email: `guest${offset}@example.com`, phone: '(213) 555-0142' };
  const address = { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' };
  const booking = (await (await post('/bookings', { slotId: `${date}T18:00`, quoteId: quote.id, customer, address, notes: '' })).json()) as Booking;
  const payment = (await (await post(`/bookings/${booking.id}/payments`, {})).json()) as Payment;
  expect((await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD)).body).toMatchObject({ status: 'succeeded' });
  await fake.idle();
  return { booking, date, intent: intentOf(payment), token: await manageToken(secret, 'stripe-test', booking.id) };
}

const admin = async <T>(path: string): Promise<T> =>
  (await (await fetch(`${server.url}/api/v1/admin${path}`, { headers: { authorization: `Bearer ${SK}` } })).json()) as T;
const outbox = async () => adminMessageList.parse(await admin<AdminMessageList>('/messages?limit=500')).messages;
const bookingsOn = async (date: string) => (await admin<{ bookings: AdminBooking[] }>('/bookings?limit=500')).bookings.filter((b) => b.slotId.startsWith(date));
const charges = () => fake.requests({ method: 'POST', path: '/v1/payment_intents' }).length;
/** What the outbox holds, per kind: a change's messages are the difference across it. */
const kinds = async () => {
  const counts: Record<string, number> = {};
  for (const m of await outbox()) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  return counts;
};
const queuedAcross = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).flatMap(([kind, n]) => (n - (before[kind] ?? 0) > 0 ? [[kind, n - (before[kind] ?? 0)]] : [])));

type Action = 'reschedule' | 'cancel';
/** How a column hurts a request: chaos rules aimed at the intent's key, or the same intent sent more than once at a time. */
interface Column {
  name: string;
  rules?: (path: string, key: string) => FaultRule[];
  /** Calls at once: `same` key (a double click) or `fresh` keys (two tabs). */
  together?: 'same' | 'fresh';
  /** Requests that must reach the server: the fault was met, not dodged. */
  attempts: number;
}
const COLUMNS: Column[] = [
  { name: 'no fault', attempts: 1 },
  { name: 'reset before handling', rules: (path, key) => [{ method: 'POST', path, idempotencyKey: key, reset: true, times: 1 }], attempts: 2 },
  { name: 'answer lost after commit', rules: (path, key) => [{ method: 'POST', path, idempotencyKey: key, drop: true, times: 1 }], attempts: 2 },
  { name: '503 twice', rules: (path, key) => [{ method: 'POST', path, idempotencyKey: key, status: 503, retryAfter: 1, times: 2 }], attempts: 3 },
  { name: '429, Retry-After 2', rules: (path, key) => [{ method: 'POST', path, idempotencyKey: key, status: 429, retryAfter: 2, times: 1 }], attempts: 2 },
  {
    name: 'slower than the attempt',
    rules: (path, key) => [{ method: 'POST', path, idempotencyKey: key, delayMs: TIMING.attemptMs + 1_500, times: 1 }],
    attempts: 2,
  },
  { name: 'double click', together: 'same', attempts: 2 },
  { name: 'two tabs', together: 'fresh', attempts: 2 },
];

/** A page's client: its own per call, as each tab has. */
const client = () => createHttpClient({ apiBase: server.url, publishableKey: PK, retry: { baseDelayMs: 50 } });

/** The intent, through the SDK: what the widget would show once the call settles. */
function send(action: Action, token: string, key: string, target: string) {
  const c = client();
  const path = `/manage/${token}/${action}`;
  return action === 'reschedule'
    ? c.request({
        method: 'POST',
        path,
        route: '/manage/:token/reschedule',
        body: { slotId: target },
        schema: rescheduleResponse,
        idempotencyKey: key,
        timing: TIMING,
      })
    : c.request({ method: 'POST', path, route: '/manage/:token/cancel', body: {}, schema: cancelResponse, idempotencyKey: key, timing: TIMING });
}

/** Messages the fault-free cell of each row queued: every other cell of the row must queue exactly these. */
const baseline: Partial<Record<Action, Record<string, number>>> = {};

describe.each(['reschedule', 'cancel'] as const)('the fault matrix: %s by the manage link', (action) => {
  it.each(COLUMNS)('$name: one change, never two; no second charge or refund; its messages queued once', async (column) => {
    const { booking, date, intent, token } = await paidBooking();
    const target = `${date}T12:00`;
    const key = newIdempotencyKey();
    const path = `/api/v1/manage/${token}/${action}`;
    const [mailBefore, chargesBefore] = [await kinds(), charges()];
    if (column.rules) await server.arm(...column.rules(path, key));
    const calls = column.together ? [key, column.together === 'same' ? key : newIdempotencyKey()] : [key];
    const answers = await Promise.all(calls.map((k) => send(action, token, k, target)));
    expect((await server.seen({ method: 'POST', path })).length).toBeGreaterThanOrEqual(column.attempts);
    await server.reset();
    await fake.idle();

    // The SDK settled every call with the change made, as the widget would show it.
    for (const answer of answers) {
      expect(answer.booking.id).toBe(booking.id);
      if (action === 'reschedule') expect(answer.booking.slotId).toBe(target);
      else expect(answer).toMatchObject({ booking: { status: 'cancelled' }, refundCents: 10_000 });
    }
    // One change: the same booking, moved once (its old seating freed) or cancelled once.
    const [after, ...others] = await bookingsOn(date);
    expect(others).toEqual([]);
    expect(after).toMatchObject(action === 'reschedule' ? { id: booking.id, slotId: target, status: 'confirmed' } : { id: booking.id, status: 'cancelled' });
    // Money: never a second charge; a cancellation refunds once, whatever was repeated.
    expect(charges()).toBe(chargesBefore);
    const refunds = fake.refunds().filter((r) => r.payment_intent === intent);
    expect(refunds).toEqual(action === 'cancel' ? [expect.objectContaining({ amount: 10_000 })] : []);
    expect(after?.payments).toEqual([
      expect.objectContaining(action === 'cancel' ? { status: 'succeeded', refund: { amountCents: 10_000, status: 'succeeded' } } : { status: 'succeeded' }),
    ]);
    // Its messages queued once: what the fault-free cell queued, no more.
    const queued = queuedAcross(mailBefore, await kinds());
    baseline[action] ??= queued;
    expect(queued).toEqual(baseline[action]);
  });
});
