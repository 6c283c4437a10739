import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { Problem } from '../http/problem';
import type { StripeGateway } from '../payments/stripe-gateway';
import { stripeEvent } from '../payments/stripe-schemas';
import { verifyStripeSignature } from '../payments/stripe-signature';
import type { Store } from '../store/types';

/** The PaymentIntent events that can move a payment; Stripe's others are acknowledged and ignored. */
const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.processing', 'payment_intent.canceled']);

export interface WebhookOptions {
  store: Store;
  /** Absent without STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET: the route then answers 503. */
  stripe?: { gateway: StripeGateway; webhookSecret: string };
  /** Wall-clock time, shared with Stripe: chaos moves only the app's business clock, never a signature's age. */
  wallClock: () => number;
}

const signatureProblem = (reason: 'bad-signature' | 'stale-signature') =>
  reason === 'bad-signature'
    ? new Problem({ status: 400, code: 'bad-signature', title: 'Bad signature', detail: 'The Stripe-Signature header is missing or does not match this body.' })
    : new Problem({
        status: 400,
        code: 'stale-signature',
        title: 'Stale signature',
        detail: 'The signature’s timestamp is more than 5 minutes from now: a replayed request is refused.',
      });

/**
 * Stripe's webhook. An event is a hint, not the truth: once its signature
 * holds, the intent it names is retrieved from Stripe and our payment follows
 * that. An event id handled before is acknowledged again with no effect,
 * since Stripe redelivers until it gets a 2xx; one that fails (Stripe
 * unreachable) answers 5xx and is not recorded, so Stripe's retry does it.
 */
export function webhookRoutes({ store, stripe, wallClock }: WebhookOptions) {
  return new Hono<AppEnv>().post('/webhooks/stripe', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!stripe) {
      throw new Problem({
        status: 503,
        code: 'webhooks-unavailable',
        title: 'Webhooks unavailable',
        detail: 'This server has no Stripe webhook secret, so it cannot check Stripe’s events.',
      });
    }
    // The raw text, byte for byte: the signature covers exactly what was sent.
    const raw = await c.req.text();
    const check = await verifyStripeSignature(c.req.header('stripe-signature'), raw, stripe.webhookSecret, wallClock());
    if (!check.ok) throw signatureProblem(check.reason);

    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    const parsed = stripeEvent.safeParse(data);
    if (!parsed.success) throw new Problem({ status: 400, code: 'malformed-event', title: 'Malformed event', detail: 'The body is not a Stripe event.' });
    const event = parsed.data;
    if (await store.webhookEventSeen('stripe', event.id)) return c.json({ received: true, duplicate: true });

    const object = event.data.object;
    if (INTENT_EVENTS.has(event.type) && object.object === 'payment_intent') {
      // Unknown intents (another integration on the same Stripe account) are acknowledged and left alone.
      const payment = await store.paymentByProviderRef('stripe', object.id);
      if (payment) await stripe.gateway.sync(payment);
    }
    await store.recordWebhookEvent('stripe', event.id, wallClock());
    return c.json({ received: true });
  });
}
