import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { demoTenant } from '../../server/tenants';
import { addDays, bookableDates } from '../../src/core/schedule';

/** The demo site's pages (`npm start`), each checked for what search results show and for layout shift. */
export const DEMO_PAGES = [
  '/',
  '/es/',
  '/quote.html',
  '/book.html',
  '/pay.html',
  '/manage.html',
  '/es/manage.html',
  '/elements.html',
  '/react/',
  '/react/quote.html',
  '/react/book.html',
  '/react/pay.html',
] as const;

/** A bookable date, `offset` days into the window; each test takes its own so seatings never collide. */
export function eventDate(offset: number): string {
  return addDays(bookableDates(demoTenant.catalog, Date.now()).first, offset);
}

export async function adminBookings(request: APIRequestContext) {
  const res = await request.get('/api/v1/admin/bookings', { headers: { authorization: 'Bearer sk_test_demo' } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { bookings: { id: string; slotId: string; quoteId: string; totalCents: number; customer: { name: string } }[] }).bookings;
}

/**
 * On the demo landing page (the embed): fills the calculator and books the
 * quote; resolves once the booking form below shows its seatings.
 */
export async function quoteAndBook(
  page: Page,
  { date, zip = '90012', adults = '12', path = '/' }: { date: string; zip?: string; adults?: string; path?: string },
) {
  await page.goto(path);
  // The calculator is below the fold and loads as it nears the viewport, as on any landing page.
  await page.locator('teppan-quote, #app').first().scrollIntoViewIfNeeded();
  const adultsField = page.getByLabel('Adults');
  await adultsField.fill(adults);
  await page.getByLabel('Event date').fill(date);
  await page.getByLabel('ZIP code').fill(zip);
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await page.getByRole('button', { name: 'Book this quote' }).click();
  await expect(page.getByRole('heading', { name: /Choose a seating/ })).toBeVisible();
}

/** Address and contact steps, within `scope` (one booking form of several) or the whole page. */
export async function fillAddressAndContact(page: Page, name = 'Ann Lee', scope: Page | Locator = page) {
  await scope.getByLabel('Street address').fill('1 Sakura Way');
  await scope.getByLabel('City').fill('Los Angeles');
  await scope.getByRole('button', { name: 'Continue' }).click();
  await scope.getByLabel('Name').fill(name);
  await scope.getByLabel('Email').fill('ann@example.com');
  await scope.getByLabel('Phone').fill('(213) 555-0142');
  await scope.getByRole('button', { name: 'Continue' }).click();
  await expect(scope.getByRole('heading', { name: /Review and confirm/ })).toBeVisible();
}

/**
 * A quote and a held booking made straight through the API (as another page or
 * visitor would), `offset` days into the window at `time` (`HH:MM`).
 */
export async function heldBookingViaApi(
  request: APIRequestContext,
  { name, offset, time = '18:00', key = 'pk_test_demo' }: { name: string; offset: number; time?: string; key?: string },
): Promise<{ id: string; quoteId: string }> {
  const auth = { authorization: `Bearer ${key}` };
  const quote = await (await request.post('/api/v1/quotes', { headers: auth, data: { adults: 10, eventDate: eventDate(offset), zip: '90012' } })).json();
  const res = await request.post('/api/v1/bookings', {
    headers: { ...auth, 'idempotency-key': crypto.randomUUID() },
    data: {
      slotId: `${quote.eventDate}T${time}`,
      quoteId: quote.id,
      customer: { name, email: 'guest@example.com', phone: '2135550100' },
      address: { line1: '2 Elm St', city: 'Los Angeles', zip: '90012' },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; quoteId: string };
}

/** On the elements page: the calculator as it nears the viewport, and the booking form (loading="interaction") once reached for. */
export async function showElementsPageWidgets(page: Page) {
  await page.locator('teppan-quote').scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Price your party' })).toBeVisible();
  // Nothing until the visitor reaches for it. (By keyboard: a pointer already loads it on hover, so the button may be gone before a click lands.)
  const show = page.getByRole('button', { name: 'Show the booking form' });
  await show.scrollIntoViewIfNeeded();
  await show.press('Enter');
  await expect(page.getByRole('heading', { name: 'Hold a date' })).toBeVisible();
}
