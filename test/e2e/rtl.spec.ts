import { expect, type Locator, type Page, test } from '@playwright/test';
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
