import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageToken } from '../../server/domain/manage-token';
import type { AdminBooking, Booking, CancelResponse, Payment, Quote } from '../../src/contract';
import type { FakeStripe } from '../support/fake-stripe';
import { bookableDate } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { STRIPE_CARD as CARD, STRIPE_PK as PK, STRIPE_SK as SK, type StripeServer, startStripeServer } from '../support/stripe-server';

/** Cancelling a booking whose deposit Stripe took: the refund goes through Stripe, once, under an idempotency key. */

let fake: FakeStripe;
let server: TestServer;
let secret: string;
let stripe: StripeServer;
beforeAll(async () => {
  stripe = await startStripeServer();
  ({ fake, server, secret } = stripe);
});
afterAll(() => stripe?.stop());

const key = () => crypto.randomUUID();
const post = (path: string, body: unknown, k = key()) =>
  fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}`, 'idempotency-key': k },
    body: JSON.stringify(body),
  });
const intentOf = (payment: Payment) => (payment.clientSecret ?? '').split('_secret_')[0] ?? '';

let offset = 0;
/** A booking Stripe took the deposit of, and its manage link's token. */
async function paidBooking(): Promise<{ booking: Booking; intent: string; token: string }> {
  offset += 1;
  const date = bookableDate(30 + offset);
  const quote = (await (await post('/quotes', { adults: 10, eventDate: date, zip: '90012' })).json()) as Quote;
  const customer = { name: `Payer ${offset}`, email: 'payer@example.com', phone: '(213) 555-0142' };
  const address = { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' };
  const booking = (await (await post('/bookings', { slotId: `${date}T18:00`, quoteId: quote.id, customer, address, notes: '' })).json()) as Booking;
  const payment = (await (await post(`/bookings/${booking.id}/payments`, {})).json()) as Payment;
  expect((await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD)).body).toMatchObject({ status: 'succeeded' });
  await fake.idle();
  return { booking, intent: intentOf(payment), token: await manageToken(secret, 'stripe-test', booking.id) };
}
const cancel = (token: string, k = key()) => post(`/manage/${token}/cancel`, {}, k);
const refundsOf = (intent: string) => fake.refunds().filter((r) => r.payment_intent === intent);
async function adminBooking(id: string): Promise<AdminBooking | undefined> {
  const res = await fetch(`${server.url}/api/v1/admin/bookings`, { headers: { authorization: `Bearer ${SK}` } });
  return ((await res.json()) as { bookings: AdminBooking[] }).bookings.find((b) => b.id === id);
}

describe('cancelling a booking paid through Stripe', () => {
  it('refunds the deposit through Stripe once, under an idempotency key, whatever is repeated at once', async () => {
    const { booking, intent, token } = await paidBooking();
    const k = key();
    const answers = await Promise.all([cancel(token, k), cancel(token), cancel(token), cancel(token, k)]);
    const bodies = [];
    for (const res of answers) if (res.status === 200) bodies.push((await res.json()) as CancelResponse);
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of bodies) expect(body).toMatchObject({ booking: { status: 'cancelled' }, refundCents: 10_000 });
    await fake.idle();

    expect(refundsOf(intent)).toEqual([expect.objectContaining({ amount: 10_000 })]);
    const calls = fake.requests({ method: 'POST', path: '/v1/refunds' }).filter((r) => r.idempotencyKey?.includes(intent));
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(new Set(calls.map((r) => r.idempotencyKey)).size).toBe(1);
    expect((await adminBooking(booking.id))?.payments).toEqual([
      expect.objectContaining({ status: 'succeeded', refund: { amountCents: 10_000, status: 'succeeded' } }),
    ]);
  });

  it('when Stripe’s answer to the refund is lost: the booking is cancelled, and the retry with its key finishes the one refund', async () => {
    const { booking, intent, token } = await paidBooking();
    const k = key();
    fake.dropNextResponse('POST', '/v1/refunds');
    const lost = await cancel(token, k);
    expect(lost.status).toBe(502);
    expect(await lost.json()).toMatchObject({ code: 'payment-provider-error' });
    expect(await adminBooking(booking.id)).toMatchObject({ status: 'cancelled', payments: [{ refund: { status: 'pending' } }] });

    const retried = await cancel(token, k);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ refundCents: 10_000 });
    await fake.idle();
    expect(refundsOf(intent)).toHaveLength(1);
    expect((await adminBooking(booking.id))?.payments[0]?.refund).toEqual({ amountCents: 10_000, status: 'succeeded' });
  });

  it('a refund left pending and never retried is done by the server itself a few minutes later, once', async () => {
    const { booking, intent, token } = await paidBooking();
    fake.dropNextResponse('POST', '/v1/refunds');
    expect((await cancel(token)).status).toBe(502);
    // Stripe's events about the refund it did make are handled first: each touches the payment, and the
    // server retries a refund only once its payment has sat unchanged for a while.
    await fake.idle();
    await fetch(`${server.url}/__chaos/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 3 * 60_000 }),
    });
    // Any request brings the minute's sweep (after its answer is made), and the refund with it.
    await fetch(`${server.url}/api/v1/health`);
    expect((await adminBooking(booking.id))?.payments[0]?.refund).toEqual({ amountCents: 10_000, status: 'succeeded' });
    await fake.idle();
    expect(refundsOf(intent)).toHaveLength(1);
    await fetch(`${server.url}/__chaos`, { method: 'DELETE' });
  });
});
