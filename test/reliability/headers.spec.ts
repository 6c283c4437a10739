import { chromium, expect, type Page, type Response, test } from '@playwright/test';
import { openHost, recordCspViolations } from '../e2e/hosts';
import { eventDate, fillAddressAndContact, heldBookingViaApi, showElementsPageWidgets } from '../e2e/support';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

/**
 * The demo site's own headers, and every demo page still working under them:
 * a strict CSP (no inline code, scripts and styles from its own origin only,
 * framed by itself only), nosniff on every answer, a referrer policy. Each
 * page is used as a visitor would (widgets loaded, a quote, a booking, a
 * deposit, a chat message) while any CSP violation, console error or page
 * error is recorded; there must be none.
 */

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

/** `script-src 'self'; …` → { 'script-src': ["'self'"], … } */
function directives(csp: string | undefined): Map<string, string[]> {
  const parsed = (csp ?? '').split(';').map((d) => d.trim().split(/\s+/));
  return new Map(parsed.filter(([name]) => name).map(([name = '', ...sources]) => [name.toLowerCase(), sources]));
}

function expectPageHeaders(response: Response | null) {
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  const csp = directives(headers['content-security-policy']);
  expect(headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
}

/**
 * Watches a page from its first script: CSP violations (the event and the
 * console's report), console errors, uncaught errors, and every answer from
 * the server without nosniff. `check()` asserts there were none.
 */
async function watch(page: Page, baseURL = '') {
  const ours = new URL(baseURL).origin;
  const violations = await recordCspViolations(page);
  const errors: string[] = [];
  const unsniffed: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (new URL(r.url()).origin === ours && r.headers()['x-content-type-options'] !== 'nosniff') {
      unsniffed.push(`${r.status()} ${r.url()}`);
    }
  });
  return {
    async check() {
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      expect(unsniffed).toEqual([]);
    },
  };
}

async function pay(page: Page) {
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Postal code').fill('90012');
  await page.getByRole('button', { name: 'Pay deposit' }).click();
  await expect(page.getByRole('heading', { name: 'Deposit paid' })).toBeVisible();
}

async function quote(page: Page, date: string) {
  await page.getByLabel('Event date').fill(date);
  await page.getByLabel('ZIP code').fill('90012');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await page.getByRole('button', { name: 'Book this quote' }).click();
}

async function bookFirstSeating(page: Page, name: string) {
  await page.getByRole('radio', { name: '12:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillAddressAndContact(page, name);
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'Booking received' })).toBeVisible();
}

test.describe('every demo page, under its own CSP', () => {
  test('the landing page: quote, book and pay in place (the loader, three widget chunks, the API), and the chat answers', async ({ page, baseURL }) => {
    const watcher = await watch(page, baseURL);
    expectPageHeaders(await page.goto('/'));
    await page.locator('teppan-quote').scrollIntoViewIfNeeded();
    await quote(page, eventDate(150));
    // The snippet's own script (a file now, not inline) still puts the quote in the URL.
    await expect(page).toHaveURL(/[?&]quote=qt_\w+/);
    await bookFirstSeating(page, 'CSP Landing');
    await pay(page);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('what does the chef bring');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(
      page
        .getByRole('dialog')
        .getByRole('list', { name: 'Messages' })
        .getByText(/Your chef brings the hibachi grill/),
    ).toBeVisible();
    await watcher.check();
  });

  test('the prices page hands its quote to the booking page, which remembers it', async ({ page, baseURL }) => {
    const watcher = await watch(page, baseURL);
    expectPageHeaders(await page.goto('/quote.html'));
    await quote(page, eventDate(151));
    await expect(page).toHaveURL(/\/book\.html\?quote=qt_\w+/);
    await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeVisible();
    // Straight to the booking page: it remembers the quote, and offers it (README: "Continue your booking").
    expectPageHeaders(await page.goto('/book.html'));
    await page.getByRole('button', { name: 'Continue your booking' }).click();
    await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeVisible();
    await watcher.check();
  });

  test('the payment page pays a held booking', async ({ page, request, baseURL }) => {
    const booking = await heldBookingViaApi(request, { name: 'CSP Pay', offset: 152 });
    const watcher = await watch(page, baseURL);
    expectPageHeaders(await page.goto(`/pay.html?booking=${booking.id}`));
    await pay(page);
    await watcher.check();
  });

  test('the elements page: every element, the one loaded on interaction too', async ({ page, baseURL }) => {
    const watcher = await watch(page, baseURL);
    expectPageHeaders(await page.goto('/elements.html'));
    await showElementsPageWidgets(page);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
    await watcher.check();
  });

  test('the React pages: quote and book on one page, then prices → booking → payment across pages', async ({ page, request, baseURL }) => {
    const watcher = await watch(page, baseURL);
    expectPageHeaders(await page.goto('/react/'));
    await quote(page, eventDate(153));
    await bookFirstSeating(page, 'CSP React');
    expectPageHeaders(await page.goto('/react/quote.html'));
    await quote(page, eventDate(154));
    await expect(page).toHaveURL(/\/react\/book\.html\?quote=qt_\w+/);
    await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeVisible();
    const booking = await heldBookingViaApi(request, { name: 'CSP React Pay', offset: 155 });
    expectPageHeaders(await page.goto(`/react/pay.html?booking=${booking.id}`));
    await pay(page);
    await watcher.check();
  });
});

test.describe('framing', () => {
  const frame = (src: string) => `<iframe src="${src}" title="Framed demo page" width="800" height="600"></iframe>`;

  test('another origin cannot frame a demo page', async ({ baseURL }) => {
    // Host pages are fulfilled by Playwright, so Chromium takes them for public pages and would stop a frame of
    // another local origin at its local-network check first: off here, so the demo page's own CSP is what refuses.
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'] });
    try {
      const page = await browser.newPage({ baseURL });
      // The same server under another name (127.0.0.1 for localhost) is another origin.
      const other = new URL('/quote.html', baseURL);
      other.hostname = '127.0.0.1';
      const refusals: string[] = [];
      page.on('console', (m) => {
        if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
      });
      await openHost(page, 'framer-other', { noLoader: true, body: frame(other.href) });
      await expect.poll(() => refusals.length).toBeGreaterThan(0);
      await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Prices and quotes' })).toHaveCount(0);
    } finally {
      await browser.close();
    }
  });

  test('a page of the demo’s own origin may frame it', async ({ page }) => {
    await openHost(page, 'framer-self', { noLoader: true, body: frame('/quote.html') });
    await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Prices and quotes' })).toBeVisible();
  });
});

test('the API’s answers to the pages carry the API’s headers, not the site’s', async ({ page }) => {
  const api: Response[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/v1/')) api.push(r);
  });
  await page.goto('/quote.html');
  await expect(page.getByLabel('Adults')).toBeVisible();
  expect(api.length).toBeGreaterThan(0);
  for (const r of api) {
    expect(r.headers()['content-security-policy'], r.url()).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers()['referrer-policy'], r.url()).toBe('no-referrer');
  }
});
