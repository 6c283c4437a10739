import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { addDays, addMonths, longDate } from '../../src/core/schedule';
import { adminBookings, eventDate, fillAddressAndContact, heldBookingViaApi, quoteAndBook } from './support';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

test('quote → book → confirm, and the booking is in the admin list', async ({ page, request }) => {
  const date = eventDate(20);
  await quoteAndBook(page, { date, zip: '91320' });
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: '6:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Funnel Test');
  await expect(page.getByRole('region', { name: 'Booking' }).getByRole('row', { name: /Travel: 41 miles/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeFocused();
  await expect(page.getByText(/Pay the \$100\.00 deposit/)).toBeVisible();
  await expectNoAxeViolations(page);
  const mine = (await adminBookings(request)).filter((b) => b.customer.name === 'Funnel Test');
  expect(mine.map((b) => b.slotId)).toEqual([`${date}T18:00`]);
});

test('a seating taken meanwhile brings the visitor back to fresh seatings, keeping everything else', async ({ page, request }) => {
  const date = eventDate(21);
  await quoteAndBook(page, { date });
  await page.getByRole('radio', { name: '6:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Conflict Test');

  // Three other visitors, each with a quote of their own, take the last chef teams while this one reviews.
  for (let i = 0; i < 3; i++) await heldBookingViaApi(request, { name: `Other ${i}`, offset: 21 });

  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('alert')).toContainText('that seating was just taken');
  await expect(page.getByRole('heading', { name: /Choose a seating/ })).toBeFocused();
  await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeDisabled();
  await page.getByRole('radio', { name: '8:30 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Street address')).toHaveValue('1 Sakura Way');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('Conflict Test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  const mine = (await adminBookings(request)).filter((b) => b.customer.name === 'Conflict Test');
  expect(mine.map((b) => b.slotId)).toEqual([`${date}T20:30`]);
});

test('a seating on another day than the quote’s is booked on a quote for that day, at the same price', async ({ page, request }) => {
  const date = eventDate(31);
  const other = addDays(date, 1);
  await quoteAndBook(page, { date });
  if (other.slice(0, 7) !== date.slice(0, 7)) await page.getByRole('button', { name: 'Next month' }).click();
  await page.getByRole('button', { name: new RegExp(`^${longDate(other)}:`) }).click();
  await page.getByRole('radio', { name: '6:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Other Day');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeFocused();
  await expect(page.getByText(longDate(other))).toBeVisible();

  const [booking] = (await adminBookings(request)).filter((b) => b.customer.name === 'Other Day');
  expect(booking?.slotId).toBe(`${other}T18:00`);
  const auth = { authorization: 'Bearer pk_test_demo' };
  const dayQuote = await (await request.get(`/api/v1/quotes/${booking?.quoteId}`, { headers: auth })).json();
  expect(dayQuote.eventDate).toBe(other);
  const sameParty = await (await request.post('/api/v1/quotes', { headers: auth, data: { adults: 12, eventDate: date, zip: '90012' } })).json();
  expect(booking?.totalCents).toBe(sameParty.totalCents);
});

test('a quote that already holds a booking shows that booking instead of making a second', async ({ page, request }) => {
  const first = await heldBookingViaApi(request, { name: 'First Tab', offset: 33 });
  await page.goto(`/book.html?quote=${first.quoteId}`);
  await page.getByRole('radio', { name: '8:30 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Second Tab');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeFocused();
  await expect(page.getByText('Your quote already had this booking')).toBeVisible();
  await expect(page.getByText(`Booking reference: ${first.id}`)).toBeVisible();
  await expect(page.getByText(/at 6:00 PM/)).toBeVisible();
  const ofQuote = (await adminBookings(request)).filter((b) => b.quoteId === first.quoteId);
  expect(ofQuote.map((b) => b.id)).toEqual([first.id]);
});

test('a visitor holding half a day’s seatings is told why the next is refused, and keeps every field', async ({ page }) => {
  // Six unpaid holds on one day from this visitor's network: the most one guest may hold without paying.
  for (let i = 0; i < 6; i++) await heldBookingViaApi(page.request, { name: `Hoarder ${i}`, offset: 34, time: i < 3 ? '12:00' : '15:00' });
  await quoteAndBook(page, { date: eventDate(34) });
  await page.getByRole('radio', { name: '6:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Seventh Hold');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('alert')).toContainText('You already hold as many seatings on that day');
  await expect(page.getByRole('heading', { name: /Review and confirm/ })).toBeVisible();
  await expect(page.getByText('Seventh Hold, ann@example.com')).toBeVisible();
});

test('a reload mid-form restores the draft', async ({ page }) => {
  await quoteAndBook(page, { date: eventDate(22) });
  await page.getByRole('radio', { name: '3:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Street address').fill('9 Draft Lane');
  await page.getByLabel('Notes').fill('Peanut allergy at table 2');
  await page.reload();
  await page.locator('teppan-booking').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('Street address')).toHaveValue('9 Draft Lane');
  await expect(page.getByLabel('Notes')).toHaveValue('Peanut allergy at table 2');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: '3:00 PM' })).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('City').fill('Los Angeles');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name').fill('Draft Reload');
  await page.getByLabel('Email').fill('dr@example.com');
  await page.getByLabel('Phone').fill('2135550111');
  await page.getByRole('button', { name: 'Continue' }).click();
  // A reload on the review step still names the seating, though no availability is loaded any more.
  await page.reload();
  await page.locator('teppan-booking').scrollIntoViewIfNeeded();
  await expect(page.getByRole('definition').filter({ hasText: /at 3:00 PM/ })).toBeVisible();
});

test('a visitor back on the landing page without the quote in its URL is offered the booking in progress, and gets it back', async ({ page }) => {
  await quoteAndBook(page, { date: eventDate(28) });
  await page.getByRole('radio', { name: '3:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Street address').fill('4 Return Rd');
  // A later visit: what shows first is the short prompt (the space the page reserved), offering what was left.
  await page.goto('/');
  const booking = page.locator('teppan-booking');
  await booking.scrollIntoViewIfNeeded();
  await booking.getByRole('button', { name: 'Continue your booking' }).click();
  await expect(booking.getByRole('heading', { name: /Event address/ })).toBeFocused();
  await expect(booking.getByLabel('Street address')).toHaveValue('4 Return Rd');
  await expectNoAxeViolations(page);
});

test('a response dropped after the booking was made still yields exactly one booking', async ({ page, request }) => {
  const date = eventDate(23);
  await quoteAndBook(page, { date });
  await page.getByRole('radio', { name: '12:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Dropped Response');
  await request.post('/__chaos', { data: { method: 'POST', path: '/api/v1/bookings', drop: true, times: 1 } });
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  const mine = (await adminBookings(request)).filter((b) => b.customer.name === 'Dropped Response');
  expect(mine).toHaveLength(1);
});

test('a double click on Confirm booking sends one request and makes one booking', async ({ page, request }) => {
  const date = eventDate(27);
  await quoteAndBook(page, { date });
  await page.getByRole('radio', { name: '3:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Double Click');
  await request.delete('/__chaos'); // clears the request log
  await page.getByRole('button', { name: 'Confirm booking' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  const { requests } = await (await request.get('/__chaos/requests')).json();
  expect(requests.filter((r: { method: string; path: string }) => r.method === 'POST' && r.path === '/api/v1/bookings')).toHaveLength(1);
  expect((await adminBookings(request)).filter((b) => b.customer.name === 'Double Click')).toHaveLength(1);
});

test('a reload after the answer was lost finds the booking that was made, and makes no second one', async ({ page, request }) => {
  const date = eventDate(24);
  await quoteAndBook(page, { date });
  await page.getByRole('radio', { name: '12:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'Lost Answer');
  // The first request commits and loses its answer; every retry then finds the network gone.
  await request.post('/__chaos', {
    data: [
      { method: 'POST', path: '/api/v1/bookings', drop: true, times: 1 },
      { method: 'POST', path: '/api/v1/bookings', reset: true },
    ],
  });
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('alert')).toContainText('couldn’t reach the server');
  await request.delete('/__chaos');
  await page.reload();
  await page.locator('teppan-booking').scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  const mine = (await adminBookings(request)).filter((b) => b.customer.name === 'Lost Answer');
  expect(mine).toHaveLength(1);
});

/** Presses Tab until `target` has focus: proof it is reachable from the keyboard, in order. */
async function tabTo(page: Page, target: Locator, max = 25) {
  for (let i = 0; i < max; i++) {
    // Focus inside a shadow root shows on the root, not on document.activeElement.
    if (await target.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('the whole funnel works with the keyboard alone', async ({ page, request }) => {
  const date = eventDate(25);
  const [y, m, d] = date.split('-');
  await page.goto('/');
  await expect(page.getByLabel('Adults')).toBeAttached();
  await tabTo(page, page.getByLabel('Adults'), 40);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('14');
  await tabTo(page, page.getByLabel('Event date'));
  await page.keyboard.type(`${m}${d}${y}`);
  await tabTo(page, page.getByLabel('ZIP code'));
  await page.keyboard.type('90012');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Book this quote' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: /Choose a seating/ })).toBeFocused();
  const radio = page.getByRole('radio', { name: '12:00 PM' });
  await tabTo(page, radio);
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
  await page.keyboard.press('Enter'); // submits the step
  await expect(page.getByRole('heading', { name: /Event address/ })).toBeFocused();
  await tabTo(page, page.getByLabel('Street address'));
  await page.keyboard.type('5 Keyboard Ct');
  await tabTo(page, page.getByLabel('City'));
  await page.keyboard.type('Pasadena');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Contact details/ })).toBeFocused();
  await tabTo(page, page.getByLabel('Name'));
  await page.keyboard.type('Keyboard Only');
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type('kb@example.com');
  await tabTo(page, page.getByLabel('Phone'));
  await page.keyboard.type('2135550199');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Review and confirm/ })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Confirm booking' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeFocused();
  const mine = (await adminBookings(request)).filter((b) => b.customer.name === 'Keyboard Only');
  expect(mine.map((b) => b.slotId)).toEqual([`${date}T12:00`]);

  // The deposit, in place, by keyboard too: the fields in order, Enter pays.
  for (const [label, typed] of [
    ['Card number', '4242424242424242'],
    ['Expiration date', '1234'],
    ['Security code', '123'],
    ['Postal code', '91101'],
  ] as const) {
    await tabTo(page, page.getByLabel(label));
    await page.keyboard.type(typed);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeFocused();
});

test('the calendar moves by day, week and month with the arrow keys', async ({ page }) => {
  const date = eventDate(30);
  await quoteAndBook(page, { date });
  const day = (iso: string) => page.locator(`[data-day="${iso}"]`);
  await tabTo(page, day(date));
  await page.keyboard.press('ArrowRight');
  await expect(day(addDays(date, 1))).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(day(addDays(date, 8))).toBeFocused();
  await page.keyboard.press('Enter');
  // Eight days on may be in the next month, still loading when Enter is pressed: it is picked all the same.
  await expect(page.getByRole('group', { name: `Seatings on ${longDate(addDays(date, 8))}` })).toBeVisible();
  await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeEnabled();
  await tabTo(page, day(addDays(date, 8)));
  await page.keyboard.press('PageDown');
  await expect(day(addMonths(addDays(date, 8), 1))).toBeFocused();
});

test('each widget’s code loads only when it is needed', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByLabel('Adults')).toBeAttached();
  const loaded = (name: string) => scripts.some((s) => new RegExp(`/embed/${name}-[\\w-]{8}\\.js$`).test(s));
  expect(loaded('quote')).toBe(true);
  // The booking form is further down the page: nothing of it yet.
  expect(loaded('booking')).toBe(false);

  await page.getByLabel('Event date').fill(eventDate(26));
  await page.getByLabel('ZIP code').fill('90012');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await page.getByRole('button', { name: 'Book this quote' }).click();
  await expect(page.getByRole('heading', { name: /Choose a seating/ })).toBeFocused();
  expect(loaded('booking')).toBe(true);
});
