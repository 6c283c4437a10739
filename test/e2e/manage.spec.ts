import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { manageToken } from '../../server/domain/manage-token';
import { startServer, type TestServer } from '../support/server';
import { eventDate } from './support';

/**
 * The manage link on the real server: a booking booked and paid through the API, its link minted with the
 * store's secret as the confirmation email's is (a server of this file's own, on a SQLite file, so the test can
 * read that secret), then /manage.html?token=… in Chromium: a change of seating, then a cancellation, each
 * checked on the server's side (the admin list), one journey by pointer and one by keyboard alone.
 */
let server: TestServer;
let dir: string;
let secret: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'teppan-manage-e2e-'));
  server = await startServer({ TEPPAN_DB: join(dir, 'db') });
  const db = new Database(join(dir, 'db'), { readonly: true });
  secret = (db.prepare("SELECT value FROM meta WHERE name = 'secret'").get() as { value: string }).value;
  db.close();
});

test.afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const api = (path: string) => `${server.url}/api/v1${path}`;
async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(api(path), {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  expect(res.ok, `POST ${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

/** A booking of 12 guests at 6:00 PM, its deposit paid through the API, and the manage link its email carries. */
async function paidBooking(name: string, offset: number): Promise<{ id: string; date: string; link: string }> {
  const date = eventDate(offset);
  const quote = await post<{ id: string }>('/quotes', { adults: 12, eventDate: date, zip: '90012' });
  const booking = await post<{ id: string }>('/bookings', {
    slotId: `${date}T18:00`,
    quoteId: quote.id,
    customer: { name, email: 'guest@example.com', phone: '2135550100' },
    address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
  });
  const payment = await post<{ id: string }>(`/bookings/${booking.id}/payments`, {});
  const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
  expect(await post<{ status: string }>(`/payments/${payment.id}/confirm`, { card })).toMatchObject({ status: 'succeeded' });
  // The page's own origin is `localhost`, which the demo tenant allows (its API calls are CORS-checked).
  const origin = server.url.replace('127.0.0.1', 'localhost');
  return { id: booking.id, date, link: `${origin}/manage.html?token=${await manageToken(secret, 'demo', booking.id)}` };
}

interface AdminBooking {
  id: string;
  status: string;
  slotId: string;
  payments: { id: string; status: string; amountCents: number; refund?: { amountCents: number; status: string } }[];
}
async function adminBooking(id: string): Promise<AdminBooking | undefined> {
  const res = await fetch(api('/admin/bookings?limit=500'), { headers: { authorization: 'Bearer sk_test_demo' } });
  return ((await res.json()) as { bookings: AdminBooking[] }).bookings.find((b) => b.id === id);
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user does. */
async function tabTo(page: Page, target: Locator, key = 'Tab') {
  for (let i = 0; i < 60 && !(await target.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el)); i++)
    await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

test('by pointer: the booking as it stands, a change of seating confirmed, then a cancellation that refunds the deposit', async ({ page }) => {
  const booking = await paidBooking('Manage Pointer', 30);
  await page.goto(booking.link);
  await expect(page.getByRole('heading', { name: 'Booking confirmed' })).toBeVisible();
  const widget = page.locator('teppan-manage');
  for (const text of ['6:00 PM', '12 guests', '1 Sakura Way, Los Angeles 90012', '$100.00', booking.id]) await expect(widget).toContainText(text);
  await expect(page.getByRole('link', { name: 'Google Calendar' })).toHaveAttribute('href', /^https:\/\/calendar\.google\.com\//);
  const ics = await page.request.get(await page.getByRole('link', { name: 'Calendar file (.ics)' }).getAttribute('href').then(String));
  expect(await ics.text()).toContain('BEGIN:VEVENT');
  await expectNoAxeViolations(page);
  // Opening the link (and the calendar file) changed nothing.
  expect(await adminBooking(booking.id)).toMatchObject({ status: 'confirmed', slotId: `${booking.date}T18:00` });

  await page.getByRole('button', { name: 'Change date or time' }).click();
  await expect(page.getByRole('heading', { name: 'Change date or time' })).toBeFocused();
  await page.getByRole('radio', { name: '3:00 PM' }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm the new date' })).toBeFocused();
  await page.getByRole('button', { name: 'Confirm new date' }).click();
  await expect(page.getByRole('heading', { name: 'Booking moved' })).toBeFocused();
  await expect(widget).toContainText('3:00 PM');
  const moved = await adminBooking(booking.id);
  expect(moved).toMatchObject({ status: 'confirmed', slotId: `${booking.date}T15:00` });
  // The same payment, charged once, nothing refunded.
  expect(moved?.payments).toEqual([expect.objectContaining({ status: 'succeeded', amountCents: 10_000 })]);
  expect(moved?.payments[0]?.refund).toBeUndefined();

  await page.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByRole('heading', { name: 'Cancel booking' })).toBeFocused();
  await expect(widget).toContainText('Your $100.00 deposit will be refunded.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Keep my booking' }).click();
  expect(await adminBooking(booking.id)).toMatchObject({ status: 'confirmed' });
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  await page.getByLabel('Reason (optional)').fill('The party moved indoors');
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByRole('heading', { name: 'Booking cancelled' })).toBeFocused();
  await expect(widget).toContainText('We refunded your $100.00 deposit.');
  await expectNoAxeViolations(page);
  const cancelled = await adminBooking(booking.id);
  expect(cancelled).toMatchObject({ status: 'cancelled' });
  expect(cancelled?.payments).toEqual([expect.objectContaining({ status: 'succeeded', refund: expect.objectContaining({ amountCents: 10_000 }) })]);

  // The link still opens, and shows the booking cancelled, with nothing left to do.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Booking cancelled' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
});

test('by keyboard alone: a change of seating and a cancellation', async ({ page }) => {
  const booking = await paidBooking('Manage Keyboard', 31);
  await page.goto(booking.link);
  await expect(page.getByRole('heading', { name: 'Booking confirmed' })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Change date or time' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Change date or time' })).toBeFocused();
  // Past the calendar, into the day's seatings.
  const noon = page.getByRole('radio', { name: '12:00 PM' });
  await tabTo(page, noon);
  await page.keyboard.press('Space');
  await expect(noon).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Confirm the new date' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Confirm new date' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Booking moved' })).toBeFocused();
  expect(await adminBooking(booking.id)).toMatchObject({ status: 'confirmed', slotId: `${booking.date}T12:00` });

  await tabTo(page, page.getByRole('button', { name: 'Cancel booking' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cancel booking' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Reason (optional)')).toBeFocused();
  await page.keyboard.type('Rain is forecast');
  await tabTo(page, page.getByRole('button', { name: 'Confirm cancellation' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Booking cancelled' })).toBeFocused();
  expect(await adminBooking(booking.id)).toMatchObject({ status: 'cancelled' });
});

test('a wrong link says so in words, and changes nothing', async ({ page }) => {
  await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/manage.html?token=${'A'.repeat(74)}`);
  await expect(page.getByRole('alert')).toContainText('This link is not valid, or has expired.');
  await expect(page.locator('teppan-manage').getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
