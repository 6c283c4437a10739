import { expect, type Page, test } from '@playwright/test';
import { daysBetween, monthOf, weekday } from '../../src/core/schedule';
import { DEMO_PAGES, eventDate, heldBookingViaApi } from './support';

/** A bookable date in a month whose calendar takes six weeks: the seating step at its tallest. */
function dateInSixWeekMonth(): string {
  for (let offset = 0; ; offset++) {
    const date = eventDate(offset);
    const { first, last } = monthOf(date);
    if (weekday(first) + daysBetween(first, last) + 1 > 35) return date;
  }
}

/**
 * Layout shift on every demo page, as a visitor reads it: each widget loads as it nears the view (or at once),
 * draws its first screen into the space its element or skeleton held, and nothing on the page moves. Shifts
 * right after the visitor's own input do not count (there is none here).
 */
async function recordLayoutShift(page: Page): Promise<() => Promise<{ value: number; sources: string[] }[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
    w.__shifts = [];
    const name = (node: Node | null | undefined) =>
      node instanceof Element ? `${node.localName}${node.className ? `.${String(node.className).split(' ')[0]}` : ''}` : String(node);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[])
        if (!e.hadRecentInput) w.__shifts.push({ value: e.value, sources: e.sources.map((s) => name(s.node)) });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
}

/** Reads the page to its end without any input (scrolling is not input), letting each widget load and draw. */
async function readThrough(page: Page) {
  await page.waitForLoadState('networkidle');
  for (let i = 0; i < 12; i++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, Math.round(window.innerHeight * 0.7));
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForTimeout(250);
    if (atEnd) break;
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
}

for (const width of [390, 1280]) {
  test(`no demo page shifts as its widgets load, ${width} px wide: without a quote or booking, and the booking and payment pages with one`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(240_000);
    const res = await request.post('/api/v1/quotes', {
      headers: { authorization: 'Bearer pk_test_demo' },
      data: { adults: 10, eventDate: eventDate(60), zip: '90012' },
    });
    const { id } = (await res.json()) as { id: string };
    const booking = await heldBookingViaApi(request, { name: 'Shift Pay', offset: 72, time: width === 390 ? '12:00' : '15:00' });
    const shifted: Record<string, { value: number; sources: string[] }[]> = {};
    const withIds = [`/book.html?quote=${id}`, `/react/book.html?quote=${id}`, `/pay.html?booking=${booking.id}`, `/react/pay.html?booking=${booking.id}`];
    for (const path of [...DEMO_PAGES, ...withIds]) {
      // A fresh visitor each time: nothing remembered from the page before.
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 800 } });
      const page = await context.newPage();
      const shifts = await recordLayoutShift(page);
      await page.goto(path);
      await readThrough(page);
      const seen = await shifts();
      if (seen.length) shifted[path] = seen;
      await context.close();
    }
    expect(shifted).toEqual({});
  });
}

// Until the loader defines the elements they are empty inline boxes; on a wide screen the landing page would then end
// within the first view and be pushed down once the loader reserves their place. The page's own CSS holds the place
// (server/demo/demo.css). The loader is held back here so the page is painted before it runs: the test above sees
// that moment only when the network happens to make it.
test('the landing page holds the calculator’s place itself until the loader arrives: a late loader shifts nothing', async ({ browser }) => {
  test.setTimeout(120_000);
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 800 } });
    const page = await context.newPage();
    const shifts = await recordLayoutShift(page);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/embed/teppan.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    // Two frames: the page without its elements defined has been painted.
    await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
    expect(await page.evaluate(() => customElements.get('teppan-quote') === undefined)).toBe(true);
    release();
    await expect.poll(() => page.evaluate(() => customElements.get('teppan-quote') !== undefined)).toBe(true);
    await readThrough(page);
    expect(await shifts(), `${width} px`).toEqual([]);
    await context.close();
  }
});

test('the booking and payment pages’ first screens fill the space reserved for them, at every width from a small phone up', async ({ page, request }) => {
  test.setTimeout(180_000);
  const res = await request.post('/api/v1/quotes', {
    headers: { authorization: 'Bearer pk_test_demo' },
    data: { adults: 10, eventDate: dateInSixWeekMonth(), zip: '90012' },
  });
  const { id } = (await res.json()) as { id: string };
  const held = await heldBookingViaApi(request, { name: 'Fill Pay', offset: 73 });
  // Each page, its element, and the blank allowed under what it shows: two lines or so. The card form's reserve is only
  // never short: it keeps a line more for the longest dates, and has fewer steps than its heights (each is loader bytes).
  const pages = [
    ['/book.html', 'teppan-booking', 3],
    [`/book.html?quote=${id}`, 'teppan-booking', 3],
    ['/', 'teppan-booking', 3],
    ['/pay.html', 'teppan-payment', 3],
    [`/pay.html?booking=${held.id}`, 'teppan-payment', Number.POSITIVE_INFINITY],
  ] as const;
  for (const [path, tag, blankEm] of pages) {
    for (const width of [320, 360, 390, 480, 600, 768, 900, 1024, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      const widget = page.locator(tag);
      await widget.scrollIntoViewIfNeeded();
      // The reserve (the loader's, before any code) against what the first screen needs once drawn.
      const reserved = await widget.evaluate((el) => el.getBoundingClientRect().height);
      await expect(widget.locator('[part=root]')).toBeVisible();
      await expect(widget.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
      await page.waitForLoadState('networkidle');
      const needed = await widget.evaluate((el) => {
        const slot = el.shadowRoot?.querySelector<HTMLElement>('[part=slot]');
        const root = slot?.querySelector<HTMLElement>('[part=root]');
        if (!slot || !root) return 0;
        slot.style.minHeight = '0';
        root.style.minHeight = '0';
        return el.getBoundingClientRect().height;
      });
      const label = `${path} at ${width} px`;
      // Never short of it (that would shift what is below), and never much of it blank.
      expect(needed, label).toBeLessThanOrEqual(reserved);
      expect(reserved - needed, label).toBeLessThan(16 * blankEm);
    }
  }
});
