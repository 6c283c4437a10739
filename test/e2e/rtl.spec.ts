import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { addDays, weekday } from '../../src/core/schedule';
import { openHost } from './hosts';
import { eventDate, heldBookingViaApi } from './support';

/**
 * Right-to-left ready: every widget laid out with `dir="rtl"` keeps its labels, fields and buttons inside its own
 * box, none on top of another, and the page never scrolls sideways. (A right-to-left language then needs only its
 * messages: the widgets' CSS is written in logical properties, inline-start and inline-end.)
 */
const WIDTHS = [390, 1280];

/** What is wrong with the layout of the widget whose box is `box` (a shadow root's part): an empty list when nothing. */
async function layoutProblems(box: Locator): Promise<string[]> {
  return box.evaluate((root) => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.localName}${el.id ? `#${el.id}` : ''} "${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || '').trim().slice(0, 30)}"`;
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 2 && r.height > 2 && style.visibility !== 'hidden' && style.opacity !== '0';
    };
    if (getComputedStyle(root).direction !== 'rtl') problems.push('the widget is not laid out right to left');
    const outer = root.getBoundingClientRect();
    const parts = [...root.querySelectorAll('label, input, select, textarea, button, h2, h3, h4, p, th, td, dt, dd, legend, [role=radio]')].filter(seen);
    for (const el of parts) {
      const r = el.getBoundingClientRect();
      if (r.left < outer.left - 1 || r.right > outer.right + 1)
        problems.push(`${name(el)} overflows the widget sideways (${r.left}–${r.right} in ${outer.left}–${outer.right})`);
    }
    const controls = parts.filter((el) => el.matches('input, select, textarea, button, [role=radio]'));
    for (const [i, a] of controls.entries()) {
      for (const b of controls.slice(i + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        const overlap = Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
        if (overlap) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    const page = document.scrollingElement as Element;
    if (page.scrollWidth > page.clientWidth + 1) problems.push(`the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
    return problems;
  });
}

async function checkAtEveryWidth(page: Page, box: Locator) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => layoutProblems(box), { message: `${width} px wide` }).toEqual([]);
  }
}

const root = (page: Page, tag: string) => page.locator(tag).locator('[part=root]').first();

test('the quote calculator, right to left, with a priced quote', async ({ page }) => {
  await openHost(page, 'rtl-quote', {
    body: `<div dir="rtl"><teppan-quote loading="eager" default-zip="90012" default-event-date="${eventDate(30)}"></teppan-quote></div>`,
  });
  await expect(page.getByRole('heading', { name: 'Your quote' })).toBeVisible();
  await checkAtEveryWidth(page, root(page, 'teppan-quote'));
});

test('the booking form, right to left: its calculator in place, then a quote’s seatings and its details', async ({ page, request }) => {
  await openHost(page, 'rtl-booking', { body: '<div dir="rtl"><teppan-booking loading="eager"></teppan-booking></div>' });
  await expect(page.getByLabel('Adults')).toBeVisible();
  await checkAtEveryWidth(page, root(page, 'teppan-booking'));
  const quote = await (
    await request.post('/api/v1/quotes', { headers: { authorization: 'Bearer pk_test_demo' }, data: { adults: 10, eventDate: eventDate(33), zip: '90012' } })
  ).json();
  await openHost(page, 'rtl-booking-quote', { body: `<div dir="rtl"><teppan-booking loading="eager" quote-id="${quote.id}"></teppan-booking></div>` });
  await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeEnabled();
  await checkAtEveryWidth(page, root(page, 'teppan-booking'));
  await page.getByRole('radio', { name: '6:00 PM' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Street address')).toBeVisible();
  await checkAtEveryWidth(page, root(page, 'teppan-booking'));
});

test('the payment form, right to left, for a held booking', async ({ page, request }) => {
  const booking = await heldBookingViaApi(request, { name: 'Rana Haddad', offset: 36 });
  await openHost(page, 'rtl-payment', { body: `<div dir="rtl"><teppan-payment loading="eager" booking-id="${booking.id}"></teppan-payment></div>` });
  await expect(page.getByLabel('Card number')).toBeVisible();
  await checkAtEveryWidth(page, root(page, 'teppan-payment'));
});

test('the chat, right to left: its launcher at the inline end (the left), its panel inside the screen', async ({ page }) => {
  await openHost(page, 'rtl-chat', { body: '<div dir="rtl"><teppan-chat></teppan-chat></div>' });
  await page.setViewportSize({ width: 1280, height: 900 });
  const launcher = page.getByRole('button', { name: 'Open chat' });
  expect((await launcher.boundingBox())?.x).toBeLessThan(100);
  await launcher.click();
  const panel = page.locator('teppan-chat').locator('.teppan-chat__panel');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  expect((await panel.boundingBox())?.x).toBeLessThan(100);
  await checkAtEveryWidth(page, panel);
});

/** A bookable Wednesday well inside its month, `from` days into the window or just after: its week's days all on show. */
function midweekDate(from: number): string {
  for (let offset = from; ; offset++) {
    const date = eventDate(offset);
    const dayOfMonth = Number(date.slice(8));
    if (weekday(date) === 3 && dayOfMonth > 3 && dayOfMonth < 25) return date;
  }
}

/**
 * On a booking form for a quote on a Wednesday, with `dir` around it: each of ArrowLeft, ArrowRight, Home and End
 * takes focus to the day the visitor expects, and the day focused is where they look for it (its cell on that side
 * of the last one, in the same week's row).
 */
async function checkCalendarKeys(page: Page, request: APIRequestContext, dir: 'ltr' | 'rtl') {
  const date = midweekDate(dir === 'rtl' ? 40 : 50);
  const quote = await (
    await request.post('/api/v1/quotes', { headers: { authorization: 'Bearer pk_test_demo' }, data: { adults: 10, eventDate: date, zip: '90012' } })
  ).json();
  await openHost(page, `calendar-${dir}`, { body: `<div dir="${dir}"><teppan-booking loading="eager" quote-id="${quote.id}"></teppan-booking></div>` });
  await page.setViewportSize({ width: 390, height: 900 });
  await expect(page.getByRole('radio', { name: '6:00 PM' })).toBeEnabled();
  const day = (iso: string) => page.locator('teppan-booking').locator(`[data-day="${iso}"]`);
  const box = async (iso: string) => (await day(iso).boundingBox()) ?? { x: Number.NaN, y: Number.NaN };
  const start = await box(date);
  const rtl = dir === 'rtl';
  await day(date).focus();

  // Left: the cell on the left, the next day right to left.
  await page.keyboard.press('ArrowLeft');
  const left = rtl ? addDays(date, 1) : addDays(date, -1);
  await expect(day(left)).toBeFocused();
  expect((await box(left)).x).toBeLessThan(start.x);
  expect((await box(left)).y).toBe(start.y);

  // Right (twice: back, then one more): the cell on the right.
  await page.keyboard.press('ArrowRight');
  await expect(day(date)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const right = rtl ? addDays(date, -1) : addDays(date, 1);
  await expect(day(right)).toBeFocused();
  expect((await box(right)).x).toBeGreaterThan(start.x);
  expect((await box(right)).y).toBe(start.y);

  // Home and End: the week's first and last days in reading order, on the right and on the left right to left.
  await page.keyboard.press('Home');
  const sunday = addDays(date, -3);
  await expect(day(sunday)).toBeFocused();
  await page.keyboard.press('End');
  const saturday = addDays(date, 3);
  await expect(day(saturday)).toBeFocused();
  const [first, last] = [await box(sunday), await box(saturday)];
  expect(rtl ? first.x > last.x : first.x < last.x, 'the week reads in the page’s direction').toBe(true);

  // Up and Down by week, whichever the direction.
  await page.keyboard.press('ArrowUp');
  await expect(day(addDays(saturday, -7))).toBeFocused();
  expect((await box(addDays(saturday, -7))).x).toBe(last.x);
}

test('the calendar, right to left: ArrowLeft goes to the day on the left (the next), ArrowRight to the previous, Home/End to the week’s ends', async ({
  page,
  request,
}) => {
  await checkCalendarKeys(page, request, 'rtl');
});

test('the calendar, left to right: ArrowLeft goes to the previous day, ArrowRight to the next, as before', async ({ page, request }) => {
  await checkCalendarKeys(page, request, 'ltr');
});
