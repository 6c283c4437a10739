/**
 * A faithful local fake of Stripe for tests: the API (PaymentIntents, refunds,
 * idempotency, signed webhooks) and Stripe.js. See server.ts for the API
 * surface, stripe-js.js for the browser one, playwright.ts to serve it to a page.
 */
export type { CardInput, FakeIntent, FakeRefund } from './ledger';
export { installFakeStripeJs } from './playwright';
export { FAKE_STRIPE_KEYS, type FakeStripe, type FakeStripeOptions, type SeenRequest, startFakeStripe } from './server';
export { type Delivery, type FakeEvent, signStripePayload } from './webhooks';
