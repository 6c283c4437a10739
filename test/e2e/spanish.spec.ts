import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { eventDate } from './support';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

/**
 * What each widget on /es/ must say in Spanish, and English it must not say: one line per widget, filled in as
 * each is translated (the booking form, the deposit and the chat add theirs here).
 */
const WIDGETS: { tag: string; spanish: RegExp[]; english: RegExp[] }[] = [
  {
    tag: 'teppan-quote',
    spanish: [/^Adultos$/, /^Niños$/, /^Fecha del evento$/, /^Código postal$/],
    english: [/^Adults$/, /^Children$/, /^Event date$/, /^ZIP code$/, /^Book this quote$/, /Your (quote|estimate)/],
  },
];

test('/es/ is the landing page in Spanish, at /es/ and /es/index.html, with nothing set but the page’s language', async ({ page, request }) => {
  for (const path of ['/es/', '/es/index.html']) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<html lang="es">/);
    // The elements and the loader tag are the English page's: no locale, no data-locale.
    expect(html).not.toMatch(/locale=/);
    expect(html).toMatch(/<meta name="description" content="[^"]*Cotiza[^"]*"/);
  }
  expect((await request.get('/es', { maxRedirects: 0 })).status()).toBe(301);

  await page.goto('/es/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Sakura Hibachi Catering' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cotiza al instante' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abrir chat' })).toHaveText('Chat');
  await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
});

test('/es/: every widget speaks Spanish, says so in its lang, prices in dollars, and the page has no accessibility violations', async ({ page }) => {
  await page.goto('/es/');
  await page.getByRole('link', { name: 'Cotiza al instante' }).click();
  const quote = page.locator('teppan-quote');
  await expect(quote.getByLabel('Adultos')).toBeVisible();
  await expect(quote.getByRole('group', { name: 'Cotiza al instante' })).toHaveAttribute('lang', 'es');
  for (const widget of WIDGETS) {
    const element = page.locator(widget.tag);
    await element.scrollIntoViewIfNeeded();
    for (const text of widget.spanish) await expect(element.getByText(text).first()).toBeVisible();
    for (const text of widget.english) await expect(element.getByText(text)).toHaveCount(0);
  }
  // A price, in dollars, in the visitor's Spanish; a quote with its validity in Spanish.
  await quote.getByLabel('Adultos').fill('12');
  await quote.getByLabel('Fecha del evento').fill(eventDate(30));
  await quote.getByLabel('Código postal').fill('90012');
  await expect(quote.getByRole('heading', { name: 'Tu cotización' })).toBeVisible();
  await expect(quote.getByRole('row', { name: /12 adultos.*720,00\s*US\$/ })).toBeVisible();
  await expect(quote.getByRole('button', { name: 'Reservar esta cotización' })).toBeVisible();
  // Spanish validation, from the widget, not the browser.
  await quote.getByLabel('Código postal').fill('9001');
  await expect(quote.getByText('Escribe un código postal de 5 dígitos.')).toBeVisible();
  // No widget shows a key name where a message belongs (a catalog's missing key would be English, never a key).
  for (const tag of ['teppan-quote', 'teppan-booking', 'teppan-chat']) await expect(page.locator(tag).getByText(/^[a-z]+(\.[a-z-]+)+$/)).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the English landing page links to /es/, and in a Spanish browser it stays English: the page decides', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Español' })).toHaveAttribute('href', '/es/');
  await page.getByRole('link', { name: 'Get an instant quote' }).click();
  await expect(page.locator('teppan-quote').getByLabel('Adults')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeVisible();
  await context.close();
});
