import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { openHost } from './hosts';
import { eventDate, fillAddressAndContact, heldBookingViaApi, quoteAndBook } from './support';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

interface AdminPayment {
  id: string;
  status: string;
  declineCode?: string;
  card?: { brand: string; last4: string };
}
interface AdminBooking {
  id: string;
  status: string;
  amountDueCents: number;
  customer: { name: string };
  payments: AdminPayment[];
}

async function bookingsOf(request: APIRequestContext, name: string): Promise<AdminBooking[]> {
  const res = await request.get('/api/v1/admin/bookings', { headers: { authorization: 'Bearer sk_test_demo' } });
  return ((await res.json()) as { bookings: AdminBooking[] }).bookings.filter((b) => b.customer.name === name);
}

/** The landing page's funnel up to the held booking, whose deposit form then shows in place. */
async function holdASeating(page: Page, name: string, offset: number, time = '6:00 PM') {
  await quoteAndBook(page, { date: eventDate(offset) });
  await page.getByRole('radio', { name: time }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, name);
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeFocused();
  await expect(page.getByLabel('Card number')).toBeVisible();
}

async function enterCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Postal code').fill('90012');
}

async function payWith(page: Page, number: string) {
  await enterCard(page, number);
  await page.getByRole('button', { name: 'Pay deposit' }).click();
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

/** Requests the server saw, by method and path pattern. */
async function seen(request: APIRequestContext, method: string, path: RegExp) {
  const { requests } = (await (await request.get('/__chaos/requests')).json()) as { requests: { method: string; path: string }[] };
  return requests.filter((r) => r.method === method && path.test(r.path));
}

test('right after "Confirm booking" the hold counts down and the deposit is paid in place; the receipt has everything and a calendar file', async ({
  page,
  request,
}) => {
  await holdASeating(page, 'Pay Success', 50);
  await expect(page.getByRole('timer')).toContainText(/Pay the \$100\.00 deposit within 1[45]:\d\d to confirm it/);
  await expectNoAxeViolations(page);
  const succeeded = page.evaluate(
    () => new Promise<{ status: string }>((resolve) => document.addEventListener('teppan:payment-succeeded', (e) => resolve((e as CustomEvent).detail))),
  );
  await payWith(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeFocused();
  expect(await succeeded).toMatchObject({ status: 'succeeded', amountCents: 10_000 });
  const receipt = page.locator('teppan-booking');
  for (const text of ['$100.00', 'Visa ending in 4242', '$720.00', '$620.00', /at 6:00 PM, 12 guests/]) await expect(receipt).toContainText(text);
  await expectNoAxeViolations(page);

  const [booking] = await bookingsOf(request, 'Pay Success');
  expect(booking).toMatchObject({ status: 'confirmed', amountDueCents: 0, payments: [{ status: 'succeeded', card: { brand: 'visa', last4: '4242' } }] });
  await expect(receipt).toContainText(booking?.id ?? 'missing');
  const calendar = await request.get((await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href')) ?? '');
  expect(calendar.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await calendar.text()).toContain('STATUS:CONFIRMED');

  // A reload comes back to the receipt, not to a form that would book again.
  await page.reload();
  await page.locator('teppan-booking').scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Book another event' })).toBeVisible();
});

test('a decline keeps the form, says why at the top and focuses the card number; the next card pays as a new attempt', async ({ page, request }) => {
  await holdASeating(page, 'Pay Decline', 51);
  await payWith(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert')).toContainText('declined');
  await expect(page.getByLabel('Card number')).toBeFocused();
  await expect(page.getByLabel('Card number')).toHaveValue('4000 0000 0000 0002');
  await expect(page.getByLabel('Postal code')).toHaveValue('90012');
  await expectNoAxeViolations(page);

  await page.getByLabel('Card number').fill('4000 0000 0000 9995');
  await page.getByRole('button', { name: 'Pay deposit' }).click();
  await expect(page.getByRole('alert')).toContainText('insufficient funds');

  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByRole('button', { name: 'Pay deposit' }).click();
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
  const [booking] = await bookingsOf(request, 'Pay Decline');
  expect(booking?.payments.map((p) => [p.status, p.declineCode])).toEqual([
    ['failed', 'card_declined'],
    ['failed', 'insufficient_funds'],
    ['succeeded', undefined],
  ]);
});

test('a double click on "Pay deposit" starts one payment and sends the card once', async ({ page, request }) => {
  await holdASeating(page, 'Pay Double', 52);
  await request.delete('/__chaos'); // clears the request log
  await enterCard(page, '4242424242424242');
  await page.getByRole('button', { name: 'Pay deposit' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
  expect(await seen(request, 'POST', /^\/api\/v1\/bookings\/[^/]+\/payments$/)).toHaveLength(1);
  expect(await seen(request, 'POST', /^\/api\/v1\/payments\/[^/]+\/confirm$/)).toHaveLength(1);
  expect((await bookingsOf(request, 'Pay Double'))[0]?.payments).toHaveLength(1);
});

test('a confirm whose answer is lost after the charge is settled by asking, never by paying again', async ({ page, request }) => {
  await holdASeating(page, 'Pay Lost', 53);
  await request.delete('/__chaos');
  await request.post('/__chaos', {
    data: [
      // Every answer to the card is lost after the charge commits (Chromium itself re-sends a POST
      // whose reused connection dies; the Idempotency-Key makes that a replay, and its answer is lost too).
      { method: 'POST', path: '/api/v1/payments/*', drop: true },
      // Slow enough to see what the visitor is told meanwhile.
      { method: 'GET', path: '/api/v1/payments/*', delayMs: 1500, times: 1 },
    ],
  });
  await payWith(page, '4242424242424242');
  await expect(page.getByRole('status').filter({ hasText: 'Checking your payment…' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
  expect(await seen(request, 'POST', /^\/api\/v1\/bookings\/[^/]+\/payments$/)).toHaveLength(1);
  expect(await seen(request, 'GET', /^\/api\/v1\/payments\/[^/]+$/)).not.toHaveLength(0);
  const [booking] = await bookingsOf(request, 'Pay Lost');
  expect(booking?.status).toBe('confirmed');
  expect(booking?.payments).toEqual([expect.objectContaining({ status: 'succeeded' })]);
});

test('a reload while the outcome is unknown checks the payment first, and finds it paid', async ({ page, request }) => {
  await holdASeating(page, 'Pay Reload', 54);
  // The charge commits and every answer to it is lost; asking fails too while the network is "down".
  await request.post('/__chaos', {
    data: [
      { method: 'POST', path: '/api/v1/payments/*', drop: true },
      { method: 'GET', path: '/api/v1/payments/*', reset: true },
    ],
  });
  await payWith(page, '4242424242424242');
  await expect(page.getByRole('alert')).toContainText('couldn’t check whether your payment went through');
  await expect(page.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay deposit' })).toHaveCount(0);
  await request.delete('/__chaos');
  await page.reload();
  await page.locator('teppan-booking').scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
  const [booking] = await bookingsOf(request, 'Pay Reload');
  expect(booking?.payments).toEqual([expect.objectContaining({ status: 'succeeded' })]);
});

test('an expired hold charges nothing, says so, and books the same details again on fresh seatings', async ({ page, request }) => {
  await holdASeating(page, 'Pay Expired', 55);
  await request.post('/__chaos/clock', { data: { advanceMs: 16 * 60_000 } });
  await payWith(page, '4242424242424242');
  await expect(page.getByRole('alert')).toContainText('nothing was charged');
  await page.getByRole('button', { name: 'Book again' }).click();
  await expect(page.getByRole('heading', { name: /Choose a seating/ })).toBeFocused();
  await page.getByRole('radio', { name: '8:30 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Street address')).toHaveValue('1 Sakura Way');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('Pay Expired');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  await payWith(page, '4242424242424242');
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();

  const bookings = await bookingsOf(request, 'Pay Expired');
  // The expired hold was refused before any payment began: nothing to charge, ever.
  expect(bookings.map((b) => [b.status, b.payments.map((p) => p.status)])).toEqual([
    ['expired', []],
    ['confirmed', ['succeeded']],
  ]);
});

test('the card’s authentication step is a dialog: Escape cancels without a charge, approving pays — all by keyboard', async ({ page, request }) => {
  await holdASeating(page, 'Pay Authenticate', 56);
  await enterCard(page, '4000 0025 0000 3155');
  await page.getByLabel('Postal code').press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Approve this payment' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Approve payment' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert')).toContainText('authentication');
  await expect(dialog).toBeHidden();

  await page.getByLabel('Card number').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeFocused();
  const [booking] = await bookingsOf(request, 'Pay Authenticate');
  expect(booking?.payments.map((p) => [p.status, p.declineCode])).toEqual([
    ['failed', 'authentication_failed'],
    ['succeeded', undefined],
  ]);
});

test('the payment page takes its booking from the URL, checks each field, and pays', async ({ page, request }) => {
  const booking = await heldBookingViaApi(request, { name: 'Pay Page', offset: 57, time: '12:00' });
  await page.goto(`/pay.html?booking=${booking.id}`);
  await expect(page.getByRole('heading', { name: 'Pay your deposit' })).toBeVisible();
  await expect(page.getByRole('timer')).toContainText(/held for 1[45]:\d\d/);
  await page.getByLabel('Card number').pressSequentially('4242424242424241');
  await expect(page.getByLabel('Card number')).toHaveValue('4242 4242 4242 4241');
  await page.getByLabel('Expiration date').pressSequentially('0120');
  await expect(page.getByLabel('Expiration date')).toHaveValue('01 / 20');
  await page.getByRole('button', { name: 'Pay deposit' }).click();
  await expect(page.getByText('Your card number is invalid.')).toBeVisible();
  await expect(page.getByText('Your card’s expiration date is in the past.')).toBeVisible();
  await expect(page.getByLabel('Card number')).toBeFocused();
  await expect(page.getByLabel('Card number')).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByLabel('Card number')).toHaveAttribute('autocomplete', 'cc-number');
  await expect(page.getByLabel('Expiration date')).toHaveAttribute('autocomplete', 'cc-exp');
  await expect(page.getByLabel('Security code')).toHaveAttribute('autocomplete', 'cc-csc');
  await expectNoAxeViolations(page);
  await payWith(page, '4242424242424242');
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeFocused();
  expect((await bookingsOf(request, 'Pay Page'))[0]?.status).toBe('confirmed');
});

test('a payment element without a booking id takes the booking just created on its page', async ({ page, request }) => {
  const quote = await (
    await request.post('/api/v1/quotes', { headers: { authorization: 'Bearer pk_test_demo' }, data: { adults: 10, eventDate: eventDate(58), zip: '90012' } })
  ).json();
  await openHost(page, 'book-then-pay', {
    body: `<teppan-booking quote-id="${quote.id}" pay-deposit="false" loading="eager"></teppan-booking><div style="height:150vh"></div><teppan-payment></teppan-payment>`,
  });
  const booking = page.locator('teppan-booking');
  await booking.getByRole('radio', { name: '3:00 PM' }).check();
  await booking.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Pay Element', booking);
  await booking.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(booking.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  // Not in place (pay-deposit="false"): the page's own payment element wakes for the new booking.
  await expect(booking.getByLabel('Card number')).toHaveCount(0);
  const payment = page.locator('teppan-payment');
  await expect(payment.getByLabel('Card number')).toBeVisible();
  await payWith(page, '4242424242424242');
  await expect(payment.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
  expect((await bookingsOf(request, 'Pay Element'))[0]?.payments.map((p) => p.status)).toEqual(['succeeded']);
});

test('the React booking page pays the deposit in place too', async ({ page, request }) => {
  await quoteAndBook(page, { date: eventDate(59), path: '/react/' });
  await page.getByRole('radio', { name: '12:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Pay React');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await payWith(page, '5555 5555 5555 4444');
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeFocused();
  await expect(page.getByText('Mastercard ending in 4444')).toBeVisible();
  expect((await bookingsOf(request, 'Pay React'))[0]?.status).toBe('confirmed');
});

for (const width of [390, 1280]) {
  test(`the payment element holds its final size before its code and booking arrive (${width} px wide)`, async ({ page, request }) => {
    const booking = await heldBookingViaApi(request, { name: 'Pay Size', offset: 70, time: width === 390 ? '12:00' : '15:00' });
    await page.setViewportSize({ width, height: 800 });
    await openHost(page, `pay-size-${width}`, {
      body: `<h1>Long page</h1><div style="height:3000px">Scroll down</div><teppan-payment booking-id="${booking.id}"></teppan-payment><p id="after">Below the widget</p>`,
    });
    await page.waitForTimeout(500);
    const before = await page.locator('#after').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.locator('teppan-payment').scrollIntoViewIfNeeded();
    await expect(page.getByLabel('Card number')).toBeVisible();
    await page.waitForTimeout(300);
    expect(await page.locator('#after').evaluate((el) => el.getBoundingClientRect().top + window.scrollY)).toBe(before);
  });
}

for (const width of [390, 1280]) {
  test(`the payment page without a booking is as tall as what it shows: a prompt to book, no blank card form (${width} px wide)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/pay.html');
    const payment = page.locator('teppan-payment');
    await expect(payment.getByText('There is no booking to pay yet.', { exact: false })).toBeVisible();
    // Where to book, on the page's own booking page (its booking-url).
    await expect(payment.getByRole('link', { name: 'Book a seating' })).toHaveAttribute('href', '/book.html');
    await page.waitForLoadState('networkidle');
    // Blank below what it shows: the element's bottom against its last line's, the frame's padding and border between.
    const blank = await payment.evaluate((el) => {
      const root = el.shadowRoot?.querySelector('[part=root]');
      const last = root?.lastElementChild?.lastElementChild ?? root?.lastElementChild;
      return last ? el.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom : Number.POSITIVE_INFINITY;
    });
    expect(blank).toBeLessThan(16 * 3);
    await expectNoAxeViolations(page);
  });
}

test('the payment page offers the booking this device remembers, and opens it only when asked', async ({ page, request }) => {
  const booking = await heldBookingViaApi(request, { name: 'Pay Remembered', offset: 71, time: '12:00' });
  // An earlier visit to its link: the funnel remembers the booking.
  await page.goto(`/pay.html?booking=${booking.id}`);
  await expect(page.getByLabel('Card number')).toBeVisible();
  await page.goto('/pay.html');
  const payment = page.locator('teppan-payment');
  await expect(payment.getByText('Your booking is saved here.')).toBeVisible();
  await expect(payment.getByLabel('Card number')).toHaveCount(0);
  await payment.getByRole('button', { name: 'Show your booking' }).click();
  await expect(payment.getByRole('timer')).toContainText(/held for 1[45]:\d\d/);
  // Focus stayed where the button was, in the form: the next Tab is the card number.
  await page.keyboard.press('Tab');
  await expect(payment.getByLabel('Card number')).toBeFocused();
});
