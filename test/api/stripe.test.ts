import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdminBooking, Booking, Payment, Quote } from '../../src/contract';
import { type CardInput, type FakeStripe, signStripePayload, startFakeStripe } from '../support/fake-stripe';
import { bookableDate } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/**
 * The Stripe provider against the fake Stripe: the real server, started with
 * Stripe's settings and a tenant whose deposits Stripe takes (one chef team
 * per seating, so one other booking takes a seating).
 */
const PK = 'pk_test_stripe_tenant';
const SK = 'sk_test_stripe_tenant';
const CARD: CardInput = { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123', postal_code: '90012' };

let fake: FakeStripe;
let server: TestServer;
beforeAll(async () => {
  fake = await startFakeStripe();
  server = await startServer({
    TEPPAN_TENANTS: 'test/fixtures/stripe-tenants.json',
    STRIPE_SECRET_KEY: fake.keys.secretKey,
    STRIPE_WEBHOOK_SECRET: fake.keys.webhookSecret,
    STRIPE_API_BASE: fake.url,
  });
  fake.setWebhookUrl(`${server.url}/api/v1/webhooks/stripe`);
});
afterAll(async () => {
  await server?.stop();
  await fake?.stop();
});
afterEach(async () => {
  await fake.idle();
  fake.webhooks({ mode: 'send', delayMs: 0 });
  await server.reset();
});

const key = () => crypto.randomUUID();
const api = (path: string) => `${server.url}/api/v1${path}`;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(api(path), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${PK}`, ...headers }, body: JSON.stringify(body) });
const intentOf = (payment: Payment) => (payment.clientSecret ?? '').split('_secret_')[0] ?? '';
const webhook = (payload: string, signature?: string) =>
  fetch(api('/webhooks/stripe'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: payload,
  });

let offset = 0;
async function quoteFor(date: string): Promise<Quote> {
  const res = await post('/quotes', { adults: 10, eventDate: date, zip: '90012' });
  expect(res.status).toBe(201);
  return (await res.json()) as Quote;
}
async function book(date: string, name: string): Promise<Booking> {
  const quote = await quoteFor(date);
  const res = await post(
    '/bookings',
    {
      slotId: `${date}T18:00`,
      quoteId: quote.id,
      customer: { name, email: 'payer@example.com', phone: '(213) 555-0142' },
      address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
      notes: '',
    },
    { 'idempotency-key': key() },
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Booking;
}
/** A held booking on a seating of its own (each test takes another day). */
async function heldBooking(): Promise<Booking> {
  offset += 1;
  return book(bookableDate(60 + offset), `Payer ${offset}`);
}
const start = (bookingId: string, k = key()) => post(`/bookings/${bookingId}/payments`, {}, { 'idempotency-key': k });
async function started(bookingId: string): Promise<Payment> {
  const res = await start(bookingId);
  expect(res.status).toBe(201);
  return (await res.json()) as Payment;
}
const readPayment = async (id: string) => (await (await fetch(api(`/payments/${id}?key=${PK}`))).json()) as Payment;
async function adminBooking(id: string): Promise<AdminBooking | undefined> {
  const res = await fetch(api('/admin/bookings'), { headers: { authorization: `Bearer ${SK}` } });
  return ((await res.json()) as { bookings: AdminBooking[] }).bookings.find((b) => b.id === id);
}
const advanceClock = (ms: number) =>
  fetch(`${server.url}/__chaos/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
const refundsOf = (...payments: Payment[]) => fake.refunds().filter((r) => payments.some((p) => intentOf(p) === r.payment_intent));
const retrievals = (intentId: string) => fake.requests({ method: 'GET', path: `/v1/payment_intents/${intentId}` }).length;

describe('starting a Stripe payment', () => {
  it('makes one PaymentIntent for the deposit, even when Stripe’s answer is lost and the start retried with its key', async () => {
    const booking = await heldBooking();
    const k = key();
    fake.dropNextResponse('POST', '/v1/payment_intents');
    const lost = await start(booking.id, k);
    expect(lost.status).toBe(502);
    expect(await lost.json()).toMatchObject({ code: 'payment-provider-error' });

    const res = await start(booking.id, k);
    expect(res.status).toBe(201);
    const payment = (await res.json()) as Payment;
    expect(payment).toMatchObject({ provider: 'stripe', status: 'requires_confirmation', amountCents: 10_000, currency: 'USD' });
    expect(payment.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
    const replay = await start(booking.id, k);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as Payment).id).toBe(payment.id);

    const intents = fake.intents().filter((i) => i.metadata.booking_id === booking.id);
    expect(intents).toEqual([
      expect.objectContaining({
        id: intentOf(payment),
        amount: 10_000,
        currency: 'usd',
        automatic_payment_methods: { enabled: true },
        metadata: { booking_id: booking.id, tenant_id: 'stripe-test' },
      }),
    ]);
    // Both attempts reached Stripe with one key; Stripe's idempotency answered the second with the first intent.
    const creates = fake.requests({ method: 'POST', path: '/v1/payment_intents' }).filter((r) => r.idempotencyKey?.includes(booking.id));
    expect(creates).toHaveLength(2);
    expect(new Set(creates.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(creates.every((r) => r.auth === 'secret' && r.stripeVersion === '2026-09-30.endive')).toBe(true);
    expect((await adminBooking(booking.id))?.payments).toHaveLength(1);
  });
});

describe('settling by what Stripe says', () => {
  it('a signed webhook confirms the booking: one succeeded payment, nothing due', async () => {
    const booking = await heldBooking();
    const payment = await started(booking.id);
    const paid = await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD);
    expect(paid.body).toMatchObject({ status: 'succeeded' });
    await fake.idle();

    const admin = await adminBooking(booking.id);
    expect(admin).toMatchObject({ status: 'confirmed', amountDueCents: 0, paymentId: payment.id });
    expect(admin?.payments).toEqual([expect.objectContaining({ id: payment.id, status: 'succeeded', card: { brand: 'visa', last4: '4242' } })]);
    expect(fake.deliveries().find((d) => d.type === 'payment_intent.succeeded' && d.body.includes('received'))?.status).toBe(200);
    // A finished payment's client secret is nobody's business any more.
    expect((await readPayment(payment.id)).clientSecret).toBeUndefined();
  });

  it('refuses a missing or wrong signature and a stale one; a redelivered event is acknowledged with no second effect', async () => {
    const booking = await heldBooking();
    const payment = await started(booking.id);
    fake.webhooks({ mode: 'withhold' });
    await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD);
    const event = fake.events('payment_intent.succeeded').find((e) => e.data.object.id === intentOf(payment));
    if (!event) throw new Error('no succeeded event');
    const payload = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);

    const refused = async (res: Response) => [res.status, ((await res.json()) as { code: string }).code];
    expect(await refused(await webhook(payload))).toEqual([400, 'bad-signature']);
    expect(await refused(await webhook(payload, signStripePayload(payload, 'whsec_not_ours')))).toEqual([400, 'bad-signature']);
    expect(await refused(await webhook(payload.replace('"succeeded"', '"succeeded" '), fake.sign(payload)))).toEqual([400, 'bad-signature']);
    expect(await refused(await webhook(payload, `t=${now},v1=`))).toEqual([400, 'bad-signature']);
    // A request captured six minutes ago and replayed: its signature is right, its time is not.
    expect(await refused(await webhook(payload, fake.sign(payload, now - 360)))).toEqual([400, 'stale-signature']);
    expect((await adminBooking(booking.id))?.payments.map((p) => p.status)).toEqual(['requires_confirmation']);

    const [delivered] = await fake.flushWebhooks();
    expect(delivered).toMatchObject({ eventId: event.id, status: 200 });
    expect(JSON.parse(delivered?.body ?? '')).toEqual({ received: true });
    expect((await adminBooking(booking.id))?.status).toBe('confirmed');

    const asked = retrievals(intentOf(payment));
    const again = await fake.redeliver(event.id);
    expect([again.status, JSON.parse(again.body)]).toEqual([200, { received: true, duplicate: true }]);
    expect(retrievals(intentOf(payment))).toBe(asked);
    const admin = await adminBooking(booking.id);
    expect(admin?.payments.map((p) => p.status)).toEqual(['succeeded']);
    expect(refundsOf(payment)).toEqual([]);
  });

  it('with webhooks withheld, reading the payment settles it by retrieving the intent', async () => {
    fake.webhooks({ mode: 'withhold' });
    const booking = await heldBooking();
    const payment = await started(booking.id);
    await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD);
    expect((await adminBooking(booking.id))?.status).toBe('pending_deposit');

    expect(await readPayment(payment.id)).toMatchObject({ status: 'succeeded', card: { brand: 'visa', last4: '4242' } });
    expect(await adminBooking(booking.id)).toMatchObject({ status: 'confirmed', amountDueCents: 0 });
    // The webhooks arriving late change nothing.
    const late = await fake.flushWebhooks();
    expect(late.every((d) => d.status === 200)).toBe(true);
    expect((await adminBooking(booking.id))?.payments.map((p) => p.status)).toEqual(['succeeded']);
  });

  it.each([
    ['4000000000000002', 'card_declined', 'generic_decline'],
    ['4000000000009995', 'insufficient_funds', 'insufficient_funds'],
    ['4000000000000069', 'expired_card', 'expired_card'],
    ['4000000000000127', 'incorrect_cvc', 'incorrect_cvc'],
  ])('%s: Stripe declines (%s), our payment fails with that code and its intent is cancelled', async (number, ours, stripeDecline) => {
    const booking = await heldBooking();
    const payment = await started(booking.id);
    const declined = await fake.confirmAsBrowser(payment.clientSecret ?? '', { ...CARD, number });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', decline_code: stripeDecline });
    await fake.idle();
    const admin = await adminBooking(booking.id);
    expect(admin).toMatchObject({ status: 'pending_deposit', amountDueCents: 10_000 });
    expect(admin?.payments).toEqual([expect.objectContaining({ status: 'failed', declineCode: ours, card: { brand: 'visa', last4: number.slice(-4) } })]);
    // A failed payment is final: its client secret can take no money later.
    expect(fake.intents().find((i) => i.id === intentOf(payment))?.status).toBe('canceled');
    expect((await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD)).status).toBe(400);
  });

  it('a payment Stripe holds in processing reads as processing, then pays when Stripe says it succeeded', async () => {
    fake.setProcessingMs(150);
    try {
      const booking = await heldBooking();
      const payment = await started(booking.id);
      expect((await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD)).body).toMatchObject({ status: 'processing' });
      await fake.idle();
      expect((await adminBooking(booking.id))?.payments.map((p) => p.status)).toEqual(['processing']);
      await new Promise((r) => setTimeout(r, 200));
      await fake.idle();
      expect(await adminBooking(booking.id)).toMatchObject({ status: 'confirmed', amountDueCents: 0 });
    } finally {
      fake.setProcessingMs(0);
    }
  });

  it('a failed authentication (3-D Secure) is authentication_failed', async () => {
    const booking = await heldBooking();
    const payment = await started(booking.id);
    expect((await fake.confirmAsBrowser(payment.clientSecret ?? '', { ...CARD, number: '4000002500003155' })).body).toMatchObject({
      status: 'requires_action',
    });
    expect((await readPayment(payment.id)).status).toBe('requires_action');
    expect((await fake.authenticateAsBrowser(payment.clientSecret ?? '', 'fail')).status).toBe(402);
    await fake.idle();
    expect(await readPayment(payment.id)).toMatchObject({ status: 'failed', declineCode: 'authentication_failed' });
  });
});

describe('money taken for a booking that cannot be confirmed is given back', () => {
  it('a late success whose seating was taken meanwhile is refunded; the booking stays unconfirmed', async () => {
    const booking = await heldBooking();
    const payment = await started(booking.id);
    await advanceClock(16 * 60_000);
    // The hold expired; another visitor takes the only team of that seating.
    const other = await book(booking.slotId.slice(0, 10), 'Second visitor');
    expect((await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD)).body).toMatchObject({ status: 'succeeded' });
    await fake.idle();

    expect(await readPayment(payment.id)).toMatchObject({ status: 'failed', refunded: true });
    expect(refundsOf(payment)).toEqual([expect.objectContaining({ payment_intent: intentOf(payment), amount: 10_000 })]);
    const admin = await adminBooking(booking.id);
    expect(admin?.status).not.toBe('confirmed');
    expect(admin?.payments).toEqual([expect.objectContaining({ status: 'failed', refunded: true })]);
    expect((await adminBooking(other.id))?.status).toBe('pending_deposit');
    // Stripe redelivering the success refunds nothing twice.
    const event = fake.events('payment_intent.succeeded').find((e) => e.data.object.id === intentOf(payment));
    await fake.redeliver(event?.id ?? '');
    expect(refundsOf(payment)).toHaveLength(1);
  });

  it('a late success whose seating is still free confirms the booking: the money already moved', async () => {
    const booking = await heldBooking();
    const payment = await started(booking.id);
    await advanceClock(16 * 60_000);
    await fake.confirmAsBrowser(payment.clientSecret ?? '', CARD);
    await fake.idle();
    expect(await adminBooking(booking.id)).toMatchObject({ status: 'confirmed', amountDueCents: 0, paymentId: payment.id });
    expect(refundsOf(payment)).toEqual([]);
  });

  it('of two intents paid for one booking, one pays it and the other is refunded', async () => {
    const booking = await heldBooking();
    const [a, b] = [await started(booking.id), await started(booking.id)];
    await Promise.all([fake.confirmAsBrowser(a.clientSecret ?? '', CARD), fake.confirmAsBrowser(b.clientSecret ?? '', CARD)]);
    await fake.idle();
    const admin = await adminBooking(booking.id);
    expect(admin?.status).toBe('confirmed');
    expect(admin?.payments.map((p) => [p.status, p.refunded ?? false]).sort()).toEqual([
      ['failed', true],
      ['succeeded', false],
    ]);
    const refunded = admin?.payments.find((p) => p.refunded);
    expect(refundsOf(a, b).map((r) => r.payment_intent)).toEqual([refunded?.id === a.id ? intentOf(a) : intentOf(b)]);
  });
});

describe('the browser’s word is never enough', () => {
  it('no route takes it: the test provider’s routes refuse, and even a signed event settles only what Stripe confirms', async () => {
    const booking = await heldBooking();
    const payment = await started(booking.id);
    const testCard = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
    expect(await (await post(`/payments/${payment.id}/confirm`, { card: testCard }, { 'idempotency-key': key() })).json()).toMatchObject({
      status: 409,
      code: 'wrong-provider',
    });
    expect((await post(`/payments/${payment.id}/authenticate`, { outcome: 'approve' }, { 'idempotency-key': key() })).status).toBe(409);

    // "It succeeded", says an event naming our intent; Stripe, asked, says it has not.
    const claim = JSON.stringify({
      id: `evt_claim${Date.now()}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: intentOf(payment), object: 'payment_intent', status: 'succeeded' } },
    });
    expect((await webhook(claim, signStripePayload(claim, 'whsec_guessed'))).status).toBe(400);
    expect((await webhook(claim, fake.sign(claim))).status).toBe(200);
    expect(await readPayment(payment.id)).toMatchObject({ status: 'requires_confirmation' });
    expect(await adminBooking(booking.id)).toMatchObject({ status: 'pending_deposit', amountDueCents: 10_000 });
  });
});
