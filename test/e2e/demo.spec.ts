import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO_PAGES, eventDate, showElementsPageWidgets } from './support';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

test('the landing page: a hero, the quote calculator below the fold, no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sakura Hibachi Catering' })).toBeVisible();
  const calculator = page.locator('teppan-quote');
  expect((await calculator.boundingBox())?.y).toBeGreaterThan(page.viewportSize()?.height ?? 0);
  await page.getByRole('link', { name: 'Get an instant quote' }).click();
  await expect(page.getByRole('heading', { name: 'Get an instant quote' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Total $600.00' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);
});

test('every link and button on the landing page is readable: text contrast at least 4.5:1 against what is behind it', async ({ page }) => {
  await page.goto('/');
  const ratios = await page.locator('a, button').evaluateAll((elements) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    /** The first opaque background at or above the element. */
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c[3] ?? 0) > 0) return c;
      }
      return [255, 255, 255];
    };
    return elements
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const [fg, bg] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
        return { text: el.textContent?.trim(), ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) };
      });
  });
  expect(ratios.map((r) => r.text)).toContain('Get an instant quote');
  expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);
});

test('a flaky API is retried in the browser: two 503s and the visitor still gets the calculator', async ({ page, request }) => {
  await request.post('/__chaos', { data: { path: '/api/v1/catalog', status: 503, times: 2 } });
  const catalogCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/catalog')) catalogCalls.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByLabel('Adults')).toBeAttached();
  expect(catalogCalls).toHaveLength(3);
});

test('when the API stays down the visitor gets a message and a retry, not a blank widget', async ({ page, request }) => {
  // Twice: the loader's early read, then the widget's own (the first failure alone is absorbed).
  await request.post('/__chaos', { data: { path: '/api/v1/catalog', status: 500, times: 2 } });
  await page.goto('/quote.html');
  await expect(page.getByRole('alert')).toHaveText(/Something went wrong on our side/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel('Adults')).toBeVisible();
});

test('the booking page without a quote starts at the calculator, in place, and goes on to the seatings on the same page', async ({ page }) => {
  await page.goto('/book.html');
  const booking = page.locator('teppan-booking');
  await expect(booking.getByRole('heading', { level: 3, name: 'Start with a quote' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await booking.getByLabel('Adults').fill('14');
  await booking.getByLabel('Event date').fill(eventDate(19));
  await booking.getByLabel('ZIP code').fill('90012');
  await expect(booking.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await booking.getByRole('button', { name: 'Book this quote' }).click();
  await expect(booking.getByRole('heading', { name: /Choose a seating/ })).toBeFocused();
  await expect(booking.getByRole('radio', { name: '6:00 PM' })).toBeEnabled();
  expect(new URL(page.url()).pathname).toBe('/book.html');
  await expect(booking.getByLabel('Adults')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

test('the booking page takes a quote from its URL', async ({ page, request }) => {
  const res = await request.post('/api/v1/quotes', {
    headers: { authorization: 'Bearer pk_test_demo' },
    data: { adults: 10, eventDate: eventDate(18), zip: '90012' },
  });
  const quote = await res.json();
  await page.goto(`/book.html?quote=${quote.id}`);
  await expect(page.getByRole('group', { name: /Seatings on/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeEnabled();
  await expect(page.getByLabel('Adults')).toHaveCount(0);
});

test('the landing page’s booking form is a short prompt pointing to its calculator, not an empty box', async ({ page }) => {
  await page.goto('/');
  const booking = page.locator('teppan-booking');
  await booking.scrollIntoViewIfNeeded();
  await expect(booking.getByRole('link', { name: 'Get a quote' })).toHaveAttribute('href', '#quote');
  await expect(booking.getByText(/Start with a quote/)).toBeVisible();
  await expect(booking.getByLabel('Adults')).toHaveCount(0);
  // A heading, a sentence and a button: nowhere near the seatings' height.
  expect((await booking.boundingBox())?.height).toBeLessThan(16 * 15);
});

test('a quote made on one page is booked on another through the URL', async ({ page }) => {
  await page.goto('/quote.html');
  await page.getByLabel('Event date').fill(new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel('ZIP code').fill('90210');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await page.getByRole('button', { name: 'Book this quote' }).click();
  await expect(page).toHaveURL(/\/book\.html\?quote=qt_\w+/);
  await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeVisible();
});

test('the elements page documents every element and shows it working', async ({ page }) => {
  await page.goto('/elements.html');
  for (const tag of ['teppan-quote', 'teppan-booking']) {
    await expect(page.getByRole('table', { name: `Attributes of ${tag}` })).toBeVisible();
  }
  await showElementsPageWidgets(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

test('the API, its contract and the demo share one port', async ({ request }) => {
  expect(await (await request.get('/api/v1/health')).json()).toEqual({ status: 'ok' });
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(doc.info.title).toBe('Teppan API');
});

// What search engines show of each page (Lighthouse's SEO audits): a title, a description and the page's language.
for (const path of DEMO_PAGES) {
  test(`${path} has a title, a meta description and a language for search results`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveTitle(/Sakura Hibachi Catering/);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.trim().length ?? 0).toBeGreaterThan(50);
    await expect(page.locator('html')).toHaveAttribute('lang', /^[a-z]{2}/);
  });
}
