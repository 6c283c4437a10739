import { expect, type Locator, type Page, type Route, test } from '@playwright/test';
import { TIMINGS } from '../../src/core/http/timeouts';
import { eventDate, heldBookingViaApi } from '../e2e/support';
import { quoteVia } from './browser';

/**
 * Answers that break the contract, for every read and write of every widget,
 * in Chromium against the real server: JSON of the wrong shape, a proxy's
 * HTML error page with a 502, a body cut off half way, an empty 200. Each
 * time the widget says so in its own words with a way to try again (never a
 * blank), and once the network is good that retry works and the server holds
 * exactly one of whatever was made.
 */

// Whole flows with dozens of fields each: room for a loaded 2-core machine, not a speed test.
test.describe.configure({ timeout: 120_000 });

const BREAKS = ['schema', 'proxy', 'truncated', 'empty'] as const;
type Break = (typeof BREAKS)[number];

const PROXY_PAGE = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr><p>nginx</p></body></html>';
/** The typed errors' words (src/core/errors.ts, the chat's cut-off reply). */
const TYPED = /unexpected answer from the server|went wrong on our side|cut off before it was complete/;
const admin = { authorization: 'Bearer sk_test_demo' };
/** Tells this run's records apart from any other run's against the same server. */
const run = Date.now().toString(36);

/** The mangled answer for `how`, from the server's real one. */
function mangled(how: Exclude<Break, 'proxy'>, status: number, body: string) {
  if (how === 'schema') return { status, body: JSON.stringify({ unexpected: true, items: [null] }) };
  if (how === 'truncated') return { status, body: body.slice(0, Math.ceil(body.length / 2)) };
  return { status: 200, body: '' };
}

/**
 * Breaks `method` requests to `url` as `how` says until `heal()`. A proxy's
 * 502 never reaches the server; the other breaks mangle the server's real
 * answer on its way back (what it did, it did). `served` settles once a
 * broken answer went out.
 */
async function breakRoute(page: Page, url: RegExp, method: string, how: Break) {
  let served = () => {};
  const done = new Promise<void>((resolve) => {
    served = resolve;
  });
  const handler = async (route: Route) => {
    if (route.request().method() !== method) return route.fallback();
    if (how === 'proxy') await route.fulfill({ status: 502, contentType: 'text/html', body: PROXY_PAGE });
    else {
      const real = await route.fetch();
      const { 'content-length': _, ...headers } = real.headers();
      // no-store: a broken answer must not be served again from the cache once the network is good.
      await route.fulfill({ ...mangled(how, real.status(), await real.text()), headers: { ...headers, 'cache-control': 'no-store' } });
    }
    served();
  };
  await page.route(url, handler);
  return { heal: () => page.unroute(url, handler), served: done };
}

/** The widget said what happened in its own words and offers a retry: returns the retry. */
async function expectTypedError(scope: Locator, retry: string | RegExp = 'Try again'): Promise<Locator> {
  // A 502 is retried first (three times, with backoff): room for that on a loaded machine.
  await expect(scope.getByRole('alert').filter({ hasText: TYPED }).first()).toBeVisible({ timeout: 15_000 });
  const button = scope.getByRole('button', { name: retry }).first();
  await expect(button).toBeVisible();
  return button;
}

test('the quote calculator: its catalog read and its quote', async ({ page }) => {
  const widget = page.locator('teppan-quote');
  for (const how of BREAKS) {
    const { heal } = await breakRoute(page, /\/api\/v1\/catalog/, 'GET', how);
    await page.goto('/quote.html');
    const retry = await expectTypedError(widget);
    await heal();
    await retry.click();
    await expect(widget.getByLabel('Adults')).toBeVisible();
  }
  await page.getByLabel('Event date').fill(eventDate(100));
  await page.getByLabel('ZIP code').fill('90012');
  await expect(widget.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  for (const [i, how] of BREAKS.entries()) {
    const { heal } = await breakRoute(page, /\/api\/v1\/quotes$/, 'POST', how);
    await page.getByLabel('Adults').fill(String(20 + i));
    const retry = await expectTypedError(widget);
    // What was typed is still there, and nothing claims to be a quote.
    await expect(page.getByLabel('Adults')).toHaveValue(String(20 + i));
    await expect(widget.getByRole('heading', { name: 'Your estimate' })).toBeVisible();
    await heal();
    await retry.click();
    await expect(widget.getByRole('heading', { name: 'Your quote' })).toBeVisible();
    await expect(widget.getByRole('row', { name: new RegExp(`Adults × ${20 + i}`) })).toBeVisible();
  }
});

test('the booking form: its quote and availability reads', async ({ page, request }) => {
  const widget = page.locator('teppan-booking');
  // Early in the window, so four later months can be read one by one.
  const quote = await quoteVia(request, 3);
  for (const [i, how] of BREAKS.entries()) {
    const { heal: healQuote } = await breakRoute(page, new RegExp(`/api/v1/quotes/${quote.id}`), 'GET', how);
    await page.goto(`/book.html?quote=${quote.id}`);
    const retry = await expectTypedError(widget);
    await healQuote();
    await retry.click();
    await expect(widget.getByRole('heading', { name: /Choose a seating/ })).toBeVisible();

    for (let month = 0; month < i; month++) await widget.getByRole('button', { name: 'Next month' }).click();
    await expect(widget.getByRole('button', { name: 'Next month' })).toBeEnabled();
    const { heal: healDays } = await breakRoute(page, /\/api\/v1\/availability/, 'GET', how);
    await widget.getByRole('button', { name: 'Next month' }).click();
    const again = await expectTypedError(widget);
    await healDays();
    await again.click();
    await expect(widget.getByRole('button', { name: 'Next month' })).toBeVisible();
  }
});

test('the booking form and its deposit: creating the booking, starting and confirming the payment', async ({ page, request }) => {
  const widget = page.locator('teppan-booking');
  // The page's clock runs as usual, but can be moved on: past the time a card sent behind a failing proxy might still land.
  await page.clock.install();
  for (const [i, how] of BREAKS.entries()) {
    // A quote makes one booking: a fresh one each time, on a date of its own.
    const quote = await quoteVia(request, 162 + i);
    await page.goto(`/book.html?quote=${quote.id}`);
    await widget.getByRole('radio', { name: '6:00 PM' }).check();
    await widget.getByRole('button', { name: 'Continue' }).click();
    // The details typed for the first booking are kept for the next ones.
    await widget.getByLabel('Street address').fill('1 Sakura Way');
    await widget.getByLabel('City').fill('Los Angeles');
    await widget.getByRole('button', { name: 'Continue' }).click();
    await widget.getByLabel('Name').fill(`Broken ${how} ${run}`);
    await widget.getByLabel('Email').fill('ann@example.com');
    await widget.getByLabel('Phone').fill('(213) 555-0142');
    await widget.getByRole('button', { name: 'Continue' }).click();

    const { heal: healCreate } = await breakRoute(page, /\/api\/v1\/bookings$/, 'POST', how);
    await widget.getByRole('button', { name: 'Confirm booking' }).click();
    const retry = await expectTypedError(widget);
    await expect(widget.getByRole('heading', { name: /Review and confirm/ })).toBeVisible();
    await healCreate();
    await retry.click();
    await expect(widget.getByRole('heading', { name: 'Booking received' })).toBeVisible();
    const bookings = ((await (await request.get('/api/v1/admin/bookings', { headers: admin })).json()) as { bookings: { quoteId: string; id: string }[] })
      .bookings;
    const made = bookings.filter((b) => b.quoteId === quote.id);
    expect(made, how).toHaveLength(1);

    // The deposit in place: its start, then its confirm, each broken once.
    for (const [label, value] of [
      ['Card number', '4242424242424242'],
      ['Expiration date', '1234'],
      ['Security code', '123'],
      ['Postal code', '90012'],
    ] as const) {
      await widget.getByLabel(label).fill(value);
    }
    const { heal: healStart } = await breakRoute(page, /\/api\/v1\/bookings\/[^/]+\/payments$/, 'POST', how);
    await widget.getByRole('button', { name: 'Pay deposit' }).click();
    // "Pay deposit" is the retry: nothing was charged, the card is still there.
    await expect(widget.getByRole('alert').filter({ hasText: TYPED })).toContainText('Nothing was charged.');
    await expect(widget.getByLabel('Card number')).toHaveValue('4242 4242 4242 4242');
    await healStart();
    const { heal: healConfirm, served } = await breakRoute(page, /\/api\/v1\/payments\/[^/]+\/confirm$/, 'POST', how);
    await widget.getByRole('button', { name: 'Pay deposit' }).click();
    if (how === 'proxy') {
      // The card never reached the server, but a 502 cannot say so: the widget asks, and never offers to pay twice.
      const check = widget.getByRole('button', { name: 'Check again' });
      await expect(check).toBeVisible();
      await healConfirm();
      await check.click();
      // It keeps asking while the card could still land (a payment attempt's timeout), saying so; then it knows nothing was charged.
      await expect(widget.getByRole('status')).toHaveText('Checking your payment…');
      await page.clock.fastForward(TIMINGS.payment.attemptMs + 1_000);
      await expect(widget.getByRole('alert')).toContainText('nothing was charged');
      await widget.getByRole('button', { name: 'Pay deposit' }).click();
    } else {
      // The server took the card; the widget asks how the payment stands rather than trusting a broken answer.
      await served;
      await healConfirm();
    }
    await expect(widget.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
    const paid = (
      (await (await request.get('/api/v1/admin/bookings', { headers: admin })).json()) as {
        bookings: { id: string; payments: { status: string }[] }[];
      }
    ).bookings.find((b) => b.id === made[0]?.id);
    expect(
      paid?.payments.filter((p) => p.status === 'succeeded'),
      how,
    ).toHaveLength(1);
  }
});

test('the payment form: its booking read', async ({ page, request }) => {
  const widget = page.locator('teppan-payment');
  const { id } = await heldBookingViaApi(request, { name: 'Broken reads', offset: 166 });
  for (const how of BREAKS) {
    const { heal } = await breakRoute(page, new RegExp(`/api/v1/bookings/${id}(\\?|$)`), 'GET', how);
    await page.goto(`/pay.html?booking=${id}`);
    const retry = await expectTypedError(widget);
    await heal();
    await retry.click();
    await expect(widget.getByLabel('Card number')).toBeVisible();
  }
});

test('the chat: its history read, a message and a lead', async ({ page, request }) => {
  const dialog = page.getByRole('dialog');
  const messages = dialog.locator('.teppan-chat__message--visitor');
  await page.goto('/quote.html');
  await page.getByRole('button', { name: 'Open chat' }).click();
  for (const how of BREAKS) {
    const { heal } = await breakRoute(page, /\/api\/v1\/chat\/messages$/, 'POST', how);
    const text = `what if it rains (${how} ${run})`;
    await dialog.getByRole('textbox', { name: 'Message' }).fill(text);
    await dialog.getByRole('button', { name: 'Send' }).click();
    // The message stays on screen, with what went wrong and "Try again" beside it.
    const mine = messages.filter({ hasText: text });
    await expect(dialog.getByText(TYPED).last()).toBeVisible();
    await expect(mine).toHaveCount(1);
    await heal();
    await dialog.getByRole('button', { name: 'Try again' }).last().click();
    await expect(mine.getByText('Sent')).toBeVisible();
    await expect(dialog.locator('.teppan-chat__message--reply').last()).not.toHaveAttribute('aria-busy', 'true');
    await expect(dialog.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  }
  const { conversations } = (await (await request.get('/api/v1/admin/conversations', { headers: admin })).json()) as {
    conversations: { messages: { role: string; text: string }[] }[];
  };
  const sent = conversations.flatMap((c) => c.messages).filter((m) => m.role === 'visitor' && m.text.endsWith(` ${run})`));
  expect(sent.map((m) => m.text).sort()).toEqual(BREAKS.map((how) => `what if it rains (${how} ${run})`).sort());

  for (const how of BREAKS) {
    await dialog.getByRole('button', { name: 'Talk to a person' }).first().click();
    const form = dialog.getByRole('form', { name: 'Talk to a person' });
    await form.getByLabel('Name').fill(`Lead ${how} ${run}`);
    await form.getByLabel('Email').fill('ann@example.com');
    await form.getByLabel('Your question').fill('Can you cook kosher?');
    const { heal } = await breakRoute(page, /\/api\/v1\/leads$/, 'POST', how);
    await form.getByRole('button', { name: 'Send to the team' }).click();
    const retry = await expectTypedError(form);
    await expect(form.getByLabel('Name')).toHaveValue(`Lead ${how} ${run}`);
    await heal();
    await retry.click();
    await expect(dialog.getByText(`Thanks, Lead ${how} ${run}.`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Back to the chat' }).click();
  }
  const { leads } = (await (await request.get('/api/v1/admin/leads', { headers: admin })).json()) as { leads: { name: string }[] };
  for (const how of BREAKS)
    expect(
      leads.filter((l) => l.name === `Lead ${how} ${run}`),
      how,
    ).toHaveLength(1);

  // The history, read on arrival after a reload: said to be missing, then there.
  for (const how of BREAKS) {
    const { heal } = await breakRoute(page, /\/api\/v1\/chat\/conversations\//, 'GET', how);
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    const retry = await expectTypedError(dialog);
    await expect(messages).toHaveCount(0);
    await heal();
    await retry.click();
    await expect(messages).toHaveCount(BREAKS.length);
  }
});
