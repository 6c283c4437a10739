import { expect, test } from '@playwright/test';
import { eventDate, fillAddressAndContact } from './support';

/** The same funnel in a React app (the library build's path), on the demo's /react/ pages. */
test('quote → book on one page in React, the booking form’s code loaded only when needed, in StrictMode', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/react/');
  await page.getByLabel('Event date').fill(eventDate(40));
  await page.getByLabel('ZIP code').fill('90012');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  expect(scripts.some((s) => /BookingForm-[\w-]+\.js$/.test(s))).toBe(false);
  await page.getByRole('button', { name: 'Book this quote' }).click();
  await expect(page.getByRole('heading', { name: /Choose a seating/ })).toBeFocused();
  expect(scripts.some((s) => /BookingForm-[\w-]+\.js$/.test(s))).toBe(true);
  await page.getByRole('radio', { name: '3:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, 'React Path');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeFocused();
});

test('a React prices page hands its quote to the React booking page through the URL', async ({ page }) => {
  await page.goto('/react/quote.html');
  await page.getByLabel('Event date').fill(eventDate(41));
  await page.getByLabel('ZIP code').fill('90210');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await page.getByRole('button', { name: 'Book this quote' }).click();
  await expect(page).toHaveURL(/\/react\/book\.html\?quote=qt_\w+/);
  await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeVisible();
});
