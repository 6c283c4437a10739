import { expect, test } from '@playwright/test';
import { openHost, recordCspViolations } from './hosts';
import { adminBookings, eventDate, fillAddressAndContact } from './support';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

async function quote(request: import('@playwright/test').APIRequestContext, offset: number) {
  const res = await request.post('/api/v1/quotes', {
    headers: { authorization: 'Bearer pk_test_demo' },
    data: { adults: 10, eventDate: eventDate(offset), zip: '90012' },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; eventDate: string };
}

test('aggressive host CSS leaves the widgets intact', async ({ page }) => {
  await openHost(page, 'hostile', {
    head: `<style>
      * { all: revert !important; }
      html { font-size: 40px !important; }
      * { font-size: 48px !important; line-height: 3 !important; color: lime !important; letter-spacing: 4px !important; }
      button, input { display: none !important; }
      div, section, form { padding: 60px !important; border: 9px dotted red !important; }
      teppan-quote { display: inline !important; }
    </style>`,
    body: '<h1>Hostile</h1><teppan-quote loading="eager"></teppan-quote>',
  });
  const adults = page.getByLabel('Adults');
  await expect(adults).toBeVisible();
  await expect(page.getByRole('button', { name: 'Book this quote' })).toBeVisible();
  const style = await adults.evaluate((el) => {
    const s = getComputedStyle(el);
    return { fontSize: Number.parseFloat(s.fontSize), color: s.color, border: s.borderTopStyle };
  });
  expect(style.fontSize).toBeLessThan(20);
  expect(style.color).not.toBe('rgb(0, 255, 0)');
  expect(style.border).toBe('solid');
  // Still a block the width of the page, whatever `display` the host forces on it.
  const box = await page.locator('teppan-quote').boundingBox();
  expect(box?.width).toBeGreaterThan((page.viewportSize()?.width ?? 0) * 0.8);
});

for (const variant of [
  {
    name: 'a host allow-list',
    csp: "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
    nonce: '',
  },
  {
    name: 'a nonce with strict-dynamic',
    csp: "default-src 'none'; script-src 'nonce-r4nd0m' 'strict-dynamic'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'",
    nonce: 'r4nd0m',
  },
]) {
  test(`works under a strict CSP (${variant.name}) with no violation reported`, async ({ page, request }) => {
    const violations = await recordCspViolations(page);
    const q = await quote(request, 42);
    await openHost(page, `csp-${variant.nonce || 'self'}`, {
      csp: variant.csp,
      noLoader: true,
      head: `<script src="/embed/teppan.js" data-key="pk_test_demo" async ${variant.nonce ? `nonce="${variant.nonce}"` : ''}></script>`,
      body: `<teppan-quote loading="eager" default-zip="90210" default-event-date="${q.eventDate}"></teppan-quote><teppan-booking quote-id="${q.id}" loading="eager"></teppan-booking>`,
    });
    await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
    await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeVisible();
    await page.getByRole('radio', { name: '6:00 PM' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByLabel('Street address')).toBeVisible();
    expect(await violations()).toEqual([]);
  });
}

test('calls queued before the loader arrives are replayed; events bubble out of the shadow root', async ({ page }) => {
  await openHost(page, 'queue', {
    noLoader: true,
    head: `<script>
      window.Teppan = window.Teppan || function () { (Teppan.q = Teppan.q || []).push(arguments); };
      window.__events = [];
      Teppan('init', { key: 'pk_test_demo' });
      Teppan('on', 'ready', function (detail, event) { __events.push('ready:' + event.target.localName); });
      Teppan('on', 'quote', function (quote) { __events.push('quote:' + quote.id.slice(0, 3)); });
      document.addEventListener('teppan:quote', function (e) { __events.push('document:' + e.composed); });
    </script>
    <script src="/embed/teppan.js" async></script>`,
    body: `<teppan-quote loading="eager" default-zip="90012" default-event-date="${eventDate(43)}"></teppan-quote>`,
  });
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await page.getByRole('button', { name: 'Book this quote' }).click();
  // (The page's own listener was added before the queued one could be: order between them is the page's.)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __events: string[] }).__events.slice().sort()))
    .toEqual(['document:true', 'quote:qt_', 'ready:teppan-quote']);
  expect(await page.evaluate(() => typeof (window as unknown as { Teppan: { version: string } }).Teppan.version)).toBe('string');
});

test('loading="visible" fetches nothing until the element nears the viewport, and the page never shifts', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await openHost(page, 'visible', {
    body: '<h1>Long page</h1><div style="height:3000px">Scroll down</div><teppan-quote></teppan-quote><p id="after">Below the widget</p>',
  });
  await page.waitForTimeout(1000);
  expect(fetched.some((p) => p === '/embed/teppan.js')).toBe(true);
  expect(fetched.filter((p) => /\/embed\/(runtime|vendor|shared|quote)-/.test(p) || p.includes('/api/v1/'))).toEqual([]);
  // Its final size is reserved before anything loads: the text below sits where it will stay.
  const before = await page.locator('#after').boundingBox();
  await page.locator('teppan-quote').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('Adults')).toBeVisible();
  expect(fetched.some((p) => /\/embed\/quote-/.test(p))).toBe(true);
  await page.waitForTimeout(500);
  const after = await page.locator('#after').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(after).toBe((before?.y ?? 0) + 0);
  expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
});

test('two booking forms on one page share one runtime and both book', async ({ page, request }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const [a, b] = [await quote(request, 44), await quote(request, 45)];
  await openHost(page, 'two', {
    body: `<teppan-booking id="a" quote-id="${a.id}" loading="eager"></teppan-booking><teppan-booking id="b" quote-id="${b.id}" loading="eager"></teppan-booking>`,
  });
  for (const [id, time, name] of [
    ['#a', '12:00 PM', 'Twin A'],
    ['#b', '8:30 PM', 'Twin B'],
  ] as const) {
    const form = page.locator(id);
    await form.getByRole('radio', { name: time }).check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await fillAddressAndContact(page, name, form);
    await form.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(form.getByRole('heading', { name: 'Booking received' })).toBeVisible();
  }
  const names = (await adminBookings(request)).map((x) => x.customer.name);
  expect(names).toEqual(expect.arrayContaining(['Twin A', 'Twin B']));
  expect(scripts.filter((s) => /\/embed\/runtime-/.test(s))).toHaveLength(1);
  expect(scripts.filter((s) => /\/embed\/vendor-/.test(s))).toHaveLength(1);
});

test('removing an element unmounts its widget and lets go of it; adding it back works', async ({ page }) => {
  await openHost(page, 'removal', { body: '<main id="host"><teppan-quote loading="eager"></teppan-quote></main>' });
  await expect(page.getByLabel('Adults')).toBeVisible();
  const removed = await page.evaluate(() => {
    const el = document.querySelector('teppan-quote') as HTMLElement;
    el.remove();
    (window as unknown as { __removed: HTMLElement }).__removed = el;
    return el.shadowRoot?.querySelector('[part=slot]')?.childElementCount;
  });
  // Its React tree is unmounted: nothing of the widget is left in its shadow root.
  expect(removed).toBe(0);
  await page.evaluate(() => document.getElementById('host')?.append((window as unknown as { __removed: HTMLElement }).__removed));
  await expect(page.getByLabel('Adults')).toBeVisible();
  await expect(page.getByLabel('Adults')).toHaveCount(1);
});

test('attributes configure the widget, and changing one takes effect', async ({ page }) => {
  await openHost(page, 'attributes', { body: '<teppan-quote loading="eager" heading="Price your party" default-adults="25"></teppan-quote>' });
  await expect(page.getByRole('heading', { name: 'Price your party' })).toBeVisible();
  await expect(page.getByLabel('Adults')).toHaveValue('25');
  await page.evaluate(() => document.querySelector('teppan-quote')?.setAttribute('heading', 'Your hibachi night'));
  await expect(page.getByRole('heading', { name: 'Your hibachi night' })).toBeVisible();
});

test('a chunk that fails to load shows a retry notice in place, leaves the rest of the page alone, and recovers', async ({ page }) => {
  let failures = 0;
  await page.route('**/embed/quote-*.js*', (route) => (failures++ < 2 ? route.abort('connectionreset') : route.continue()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openHost(page, 'chunk-failure', {
    head: '<script>document.addEventListener("teppan:error", function (e) { window.__error = e.detail.kind + " " + e.detail.cause; });</script>',
    body: '<teppan-quote loading="eager"></teppan-quote><teppan-booking loading="eager"></teppan-booking><p>Host content</p>',
  });
  const quoteEl = page.locator('teppan-quote');
  await expect(quoteEl.getByRole('alert')).toContainText('didn’t load');
  // The other widget and the host page are unaffected: the booking form points to the calculator (whose retry is there).
  await expect(page.getByText(/Start with a quote/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Get a quote' })).toBeVisible();
  await expect(page.getByText('Host content')).toBeVisible();
  // Its teppan:error says why, naming the file that failed.
  expect(await page.evaluate(() => (window as unknown as { __error: string }).__error)).toMatch(/^network .*\/embed\/quote-[\w-]+\.js/);
  await quoteEl.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel('Adults')).toBeVisible();
  expect(errors).toEqual([]);
});

test('elements wait for a key given after the loader ran, and an undefined setting keeps the default', async ({ page }) => {
  await openHost(page, 'late-init', {
    noLoader: true,
    head: '<script src="/embed/teppan.js" async></script>',
    body: '<teppan-quote loading="eager"></teppan-quote>',
  });
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { Teppan?: { version?: string } }).Teppan?.version)).toBe('string');
  await page.evaluate(() => (window as unknown as { Teppan: (...a: unknown[]) => void }).Teppan('init', { key: 'pk_test_demo', api: undefined }));
  // An undefined field (a site's unset setting) keeps the default API origin: the calculator still gets its catalog.
  await expect(page.getByLabel('Adults')).toBeVisible();
});

test('the loader alone fetches nothing else: no runtime, no widget, no API call', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openHost(page, 'loader-only', { body: '<h1>No widgets here</h1>' });
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { Teppan?: { version?: string } }).Teppan?.version)).toBe('string');
  await page.waitForTimeout(500);
  expect(fetched).toEqual(['/__host/loader-only.html', '/embed/teppan.js']);
});

test('the host page themes the widget through custom properties and ::part()', async ({ page }) => {
  await openHost(page, 'theme', {
    head: '<style>teppan-quote { --teppan-color-accent: rgb(11, 110, 79); } teppan-quote::part(heading) { letter-spacing: 3px; }</style>',
    body: '<teppan-quote loading="eager"></teppan-quote>',
  });
  const button = page.getByRole('button', { name: 'Book this quote' });
  await expect(button).toBeVisible();
  expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 110, 79)');
  expect(await page.getByRole('heading', { name: 'Get an instant quote' }).evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('3px');
});

test('inside another component’s shadow root: a chosen quote wakes the booking form there, and Teppan(‘open’) opens the chat there', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await openHost(page, 'nested', {
    body: `<my-app></my-app><script>
      customElements.define('my-app', class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML =
            '<teppan-quote loading="eager" default-zip="90012" default-event-date="${eventDate(46)}"></teppan-quote>' +
            '<teppan-booking loading="interaction"></teppan-booking><teppan-chat></teppan-chat>';
        }
      });
    </script>`,
  });
  await expect(page.getByRole('button', { name: 'Show the booking form' })).toBeVisible();
  await page.getByRole('button', { name: 'Book this quote' }).click();
  await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeVisible();
  await page.evaluate(() => (window as unknown as { Teppan: (...a: unknown[]) => void }).Teppan('open', 'chat'));
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  // The page's own chat opened: none was added to the document.
  expect(await page.evaluate(() => document.querySelectorAll('teppan-chat').length)).toBe(0);
  // A listener that is not a function is refused, and said so.
  await page.evaluate(() => (window as unknown as { Teppan: (...a: unknown[]) => void }).Teppan('on', 'ready', 'onReady'));
  await expect.poll(() => errors.join('\n')).toMatch(/Teppan: on needs a function/);
});
