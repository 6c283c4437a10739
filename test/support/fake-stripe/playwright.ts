import type { BrowserContext, Page } from '@playwright/test';

/**
 * Puts the fake Stripe in the page's path where the real one would be:
 * every `https://js.stripe.com/…` script (a `<script src=".../v3">`, and the
 * `/<release train>/stripe.js` that @stripe/stripe-js's loadStripe injects) is
 * answered with the fake Stripe.js, and its calls to `https://api.stripe.com`
 * are forwarded to the fake at `fakeUrl`. So a page's CSP reads as in
 * production, and a page on a public origin is not stopped by Chromium's
 * local network access check (a page may not call 127.0.0.1 directly).
 * Call before the page loads Stripe.js.
 */
export async function installFakeStripeJs(target: Page | BrowserContext, fakeUrl: string): Promise<void> {
  const res = await fetch(`${fakeUrl}/v3?api=stripe`);
  if (!res.ok) throw new Error(`fake Stripe.js: ${res.status} from ${fakeUrl}/v3`);
  const body = await res.text();
  await target.route(/^https:\/\/js\.stripe\.com\//, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }));
  await target.route(/^https:\/\/api\.stripe\.com\//, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${fakeUrl}${pathname}${search}` }) });
  });
}
