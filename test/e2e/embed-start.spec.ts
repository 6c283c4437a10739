import { expect, test } from '@playwright/test';
import { openHost } from './hosts';
import { eventDate } from './support';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

/** Records whether a loading placeholder was ever put into any shadow root (set up before navigation). */
async function recordSkeletons(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __skeletons: number };
    w.__skeletons = 0;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) if (n instanceof Element && (n.matches('.teppan-skeleton') || n.querySelector('.teppan-skeleton'))) w.__skeletons++;
      }).observe(root, { childList: true, subtree: true });
      return root;
    };
  });
  return () => page.evaluate(() => (window as unknown as { __skeletons: number }).__skeletons);
}

test('the catalog arrives with the code: the widget is drawn once, with no loading placeholder before it', async ({ page }) => {
  const skeletons = await recordSkeletons(page);
  await openHost(page, 'start-once', { body: '<teppan-quote loading="eager"></teppan-quote>' });
  await expect(page.getByLabel('Adults')).toBeVisible();
  await expect(page.getByText('Menu upgrades')).toBeVisible();
  expect(await skeletons()).toBe(0);
});

test('a slow catalog: the placeholder says the widget is loading, then the widget takes its place', async ({ page }) => {
  const skeletons = await recordSkeletons(page);
  await page.route('**/api/v1/catalog*', async (route) => {
    await new Promise((later) => setTimeout(later, 2500));
    await route.continue();
  });
  await openHost(page, 'start-slow', { body: '<teppan-quote loading="eager"></teppan-quote>' });
  await expect(page.getByRole('status', { name: 'Loading the quote calculator' })).toBeVisible();
  await expect(page.getByLabel('Adults')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading the quote calculator' })).toHaveCount(0);
  expect(await skeletons()).toBe(1);
});

/** Which of the embed's files the page had requested when the first widget said it was ready (set up before navigation). */
async function filesAtReady(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    document.addEventListener('teppan:ready', () => {
      const w = window as unknown as { __atReady?: string[] };
      w.__atReady ??= performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    });
  });
  return () => page.waitForFunction(() => (window as unknown as { __atReady?: string[] }).__atReady).then((h) => h.jsonValue() as Promise<string[]>);
}

const isHttpChunk = (path: string) => /\/embed\/http-[\w-]{8}\.js$/.test(path);

test('the quote calculator is drawn without the HTTP client, which arrives once the page is idle and prices the quote', async ({ page }) => {
  const atReady = await filesAtReady(page);
  await openHost(page, 'start-no-http', { body: '<teppan-quote loading="eager"></teppan-quote>' });
  await expect(page.getByLabel('Adults')).toBeVisible();
  const early = await atReady();
  expect(early.some((p) => /\/embed\/quote-/.test(p))).toBe(true);
  expect(early.filter(isHttpChunk)).toEqual([]);
  // Fetched in idle time, before the visitor asks for a quote.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)))
    .toContainEqual(expect.stringMatching(/\/embed\/http-/));
  await page.getByLabel('Event date').fill(eventDate(31));
  await page.getByLabel('ZIP code').fill('90012');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
});

test('a booking form, which reads the API as it mounts, gets the HTTP client with its own code', async ({ page, request }) => {
  const res = await request.post('/api/v1/quotes', {
    headers: { authorization: 'Bearer pk_test_demo' },
    data: { adults: 10, eventDate: eventDate(32), zip: '90012' },
  });
  const { id } = (await res.json()) as { id: string };
  await openHost(page, 'start-with-http', { body: `<teppan-booking loading="eager" quote-id="${id}"></teppan-booking>` });
  await expect(page.getByRole('heading', { name: /Choose a seating/ })).toBeVisible();
  // Preloaded by the loader beside the booking form's chunk: no request waits for another.
  const preloads = await page.locator('link[rel=modulepreload]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
  expect(preloads.filter(isHttpChunk)).toHaveLength(1);
  expect(preloads.some((p) => /\/embed\/booking-/.test(p))).toBe(true);
});

test('an HTTP client that fails to download is asked for again by the next call', async ({ page }) => {
  let failures = 0;
  await page.route('**/embed/http-*.js*', (route) => (failures++ < 1 ? route.abort('connectionreset') : route.continue()));
  await openHost(page, 'start-http-fails', { body: '<teppan-quote loading="eager"></teppan-quote>' });
  await expect(page.getByLabel('Adults')).toBeVisible();
  // The idle-time download fails; the quote request asks again and is priced.
  await expect.poll(() => failures).toBeGreaterThanOrEqual(1);
  await page.getByLabel('Event date').fill(eventDate(33));
  await page.getByLabel('ZIP code').fill('90012');
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  expect(failures).toBe(2);
});

test('the chat opens without waiting for the HTTP client; the first question brings it and the answer streams in', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = 0;
  await page.route('**/embed/http-*.js*', async (route) => {
    asked++;
    await held;
    await route.continue();
  });
  await openHost(page, 'start-chat', { body: '<teppan-chat></teppan-chat>' });
  await page.getByRole('button', { name: 'Open chat' }).click();
  // Drawn and ready to type into while the HTTP client is still on its way (asked for in idle time, held here).
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await expect.poll(() => asked).toBeGreaterThanOrEqual(1);
  await page.getByRole('textbox', { name: 'Message' }).fill('how much per kid?');
  await page.getByRole('button', { name: 'Send' }).click();
  release();
  await expect(page.getByRole('dialog').locator('.teppan-chat__message--reply').last()).toContainText('$30');
});
