import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { FAKE_STRIPE_URL } from '../../playwright.config';
import { installFakeStripeJs } from '../support/fake-stripe/playwright';
import { openHost, recordCspViolations } from './hosts';
import { heldBookingViaApi } from './support';

/**
 * The Stripe provider end to end: a tenant whose catalog names Stripe, the
 * fake Stripe (API, signed webhooks, Stripe.js) standing in for the real one,
 * Stripe.js loaded by @stripe/stripe-js as in production.
 */
const PK = 'pk_test_stripe_tenant';
const SK = 'sk_test_stripe_tenant';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

let offset = 60;
const heldBooking = (request: APIRequestContext, name: string) => heldBookingViaApi(request, { name, offset: ++offset, key: PK });

async function adminBooking(request: APIRequestContext, id: string) {
  const res = await request.get('/api/v1/admin/bookings', { headers: { authorization: `Bearer ${SK}` } });
  return (
    (await res.json()) as { bookings: { id: string; status: string; payments: { provider: string; status: string; declineCode?: string }[] }[] }
  ).bookings.find((b) => b.id === id);
}

const CSP =
  "default-src 'none'; script-src 'self' https://js.stripe.com https://*.js.stripe.com; frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com; connect-src 'self' https://api.stripe.com; style-src 'self'; img-src 'self' data:; base-uri 'none'";

async function openPaymentPage(page: Page, bookingId: string) {
  await installFakeStripeJs(page, FAKE_STRIPE_URL);
  const violations = await recordCspViolations(page);
  await openHost(page, `stripe-${bookingId}`, {
    csp: CSP,
    noLoader: true,
    head: `<script src="/embed/teppan.js" data-key="${PK}" async></script>`,
    body: `<teppan-payment booking-id="${bookingId}" loading="eager"></teppan-payment>`,
  });
  return violations;
}

async function payWith(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Postal code').fill('90012');
  await page.getByRole('button', { name: 'Pay deposit' }).click();
}

test('Stripe’s Payment Element in the widget’s shadow root pays the deposit; the server confirms it from Stripe, under a strict CSP', async ({
  page,
  request,
}) => {
  const booking = await heldBooking(request, 'Stripe Success');
  const violations = await openPaymentPage(page, booking.id);
  await payWith(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeFocused();
  await expect(page.getByText('Visa ending in 4242')).toBeVisible();
  expect(await adminBooking(request, booking.id)).toMatchObject({ status: 'confirmed', payments: [{ provider: 'stripe', status: 'succeeded' }] });
  expect(await violations()).toEqual([]);
});

test('a card Stripe declines: said at the top, the next card is a new payment that succeeds', async ({ page, request }) => {
  const booking = await heldBooking(request, 'Stripe Decline');
  await openPaymentPage(page, booking.id);
  await payWith(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert')).toContainText('declined');
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay deposit' }).click();
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
  expect((await adminBooking(request, booking.id))?.payments.map((p) => [p.status, p.declineCode])).toEqual([
    ['failed', 'card_declined'],
    ['succeeded', undefined],
  ]);
});
