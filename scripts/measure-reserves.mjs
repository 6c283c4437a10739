// Measures the first screens the widget specs reserve (`reserve`, `screens`): each drawn in Chromium in an
// element from 256 to 1120 px wide, every px, with no reserve of its own, and prints its heights by width and the
// steps for its spec: heights rounded up to half an em, each break moved to the side where the taller step holds.
// Run against a demo server (`npm start`, or `node --import tsx server/main.ts` once built):
//   node scripts/measure-reserves.mjs [origin] [screen …]
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.mjs';

const origin = process.argv[2] ?? 'http://localhost:8787';
const key = 'pk_test_demo';

async function quoteId(daysAhead) {
  const eventDate = new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${origin}/api/v1/quotes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ adults: 10, eventDate, zip: '90012' }),
  });
  return (await res.json()).id;
}

/**
 * A booking held at the latest seating of the first day from `daysAhead` on whose seating is still free (another run
 * on the same server took the earlier ones), its deposit unpaid (the payment form's card form).
 */
async function heldBookingId(daysAhead) {
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  for (let ahead = daysAhead; ahead < daysAhead + 30; ahead++) {
    const eventDate = new Date(Date.now() + ahead * 86_400_000).toISOString().slice(0, 10);
    const quote = await (
      await fetch(`${origin}/api/v1/quotes`, { method: 'POST', headers: auth, body: JSON.stringify({ adults: 10, eventDate, zip: '90012' }) })
    ).json();
    const res = await fetch(`${origin}/api/v1/bookings`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        slotId: `${eventDate}T18:00`,
        quoteId: quote.id,
        customer: { name: 'Measure', email: 'measure@example.com', phone: '2135550100' },
        address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
      }),
    });
    if (res.ok) return (await res.json()).id;
  }
  throw new Error('No free seating to hold');
}

/** The first day of a month whose calendar takes six weeks, in days from now (the seating step at its tallest). */
function sixWeekMonth() {
  for (let ahead = 7; ; ahead++) {
    const d = new Date(Date.now() + ahead * 86_400_000);
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).getUTCDay();
    const days = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    if (first + days > 35) return ahead;
  }
}

/** Each first screen: the host page that shows it, the element measured, and what says it is drawn. */
const SCREENS = {
  quote: { tag: 'teppan-quote', body: '<teppan-quote loading="eager"></teppan-quote>', ready: (p) => p.getByLabel('Adults') },
  booking: { tag: 'teppan-booking', body: '<teppan-booking loading="eager"></teppan-booking>', ready: (p) => p.getByLabel('Adults') },
  'booking:steps': {
    tag: 'teppan-booking',
    body: async () => `<teppan-booking loading="eager" quote-id="${await quoteId(sixWeekMonth())}"></teppan-booking>`,
    ready: (p) => p.getByRole('radio', { name: '6:00 PM' }),
  },
  'booking:prompt': {
    tag: 'teppan-booking',
    body: '<teppan-quote loading="interaction"></teppan-quote><teppan-booking loading="eager" quote-url="#quote"></teppan-booking>',
    ready: (p) => p.getByRole('link', { name: 'Get a quote' }),
  },
  // No booking: the prompt to book, in each language (Spanish wraps sooner).
  payment: {
    tag: 'teppan-payment',
    body: '<teppan-payment loading="eager" booking-url="/book.html"></teppan-payment>',
    ready: (p) => p.getByRole('link', { name: 'Book a seating' }),
  },
  'payment:es': {
    tag: 'teppan-payment',
    body: '<teppan-payment loading="eager" booking-url="/book.html" locale="es"></teppan-payment>',
    ready: (p) => p.getByRole('link', { name: 'Reservar un horario' }),
  },
  // A booking this browser remembers from an earlier visit, offered in place of the prompt: it must fit the same reserve.
  'payment:saved': {
    tag: 'teppan-payment',
    body: '<teppan-payment loading="eager"></teppan-payment>',
    remember: true,
    ready: (p) => p.getByRole('button', { name: 'Show your booking' }),
  },
  'payment:saved:es': {
    tag: 'teppan-payment',
    body: '<teppan-payment loading="eager" locale="es"></teppan-payment>',
    remember: true,
    ready: (p) => p.getByRole('button', { name: 'Ver tu reserva' }),
  },
  'payment:pay': {
    tag: 'teppan-payment',
    body: async () => `<teppan-payment loading="eager" booking-id="${await heldBookingId(30)}"></teppan-payment>`,
    ready: (p) => p.getByLabel('Card number'),
  },
};

const browser = await chromium.launch({ executablePath: findChromium() });
for (const name of process.argv.length > 3 ? process.argv.slice(3) : Object.keys(SCREENS)) {
  const screen = SCREENS[name];
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const body = typeof screen.body === 'function' ? await screen.body() : screen.body;
  await page.route('**/__measure.html*', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/embed/teppan.js" data-key="${key}" async></script></head><body style="margin:0">${body}</body></html>`,
    }),
  );
  if (screen.remember) {
    // The earlier visit: the page opened with its booking's ?booking=, which the funnel remembers.
    await page.goto(`${origin}/__measure.html?booking=${await heldBookingId(31)}`);
    await page.locator('teppan-payment form').waitFor();
  }
  await page.goto(`${origin}/__measure.html`);
  await screen.ready(page).waitFor();
  await page.waitForLoadState('networkidle');
  const heights = await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    const slot = el.shadowRoot.querySelector('[part=slot]');
    // What the screen needs, not what is held for it.
    slot.style.minHeight = '0';
    slot.querySelector('[part=root]').style.minHeight = '0';
    const out = [];
    for (let px = 256; px <= 1120; px++) {
      el.style.width = `${px}px`;
      out.push([px / 16, el.getBoundingClientRect().height / 16]);
    }
    return out;
  }, screen.tag);
  await page.close();

  // Runs of one height, widest first.
  const runs = [];
  for (const [em, h] of heights.reverse()) {
    const last = runs.at(-1);
    const rounded = Math.ceil(h * 2) / 2;
    if (last && last.height === rounded) last.from = em;
    else runs.push({ from: em, height: rounded, needs: h });
  }
  // A step starts where its run does; where the narrower step is taller, at the next half em up (it holds the gap).
  const steps = runs.map((r, i) => [i === runs.length - 1 ? 0 : Math.ceil(r.from * 2) / 2, r.height]);
  for (let i = 0; i < steps.length - 1; i++) if (steps[i + 1][1] < steps[i][1]) steps[i][0] = Math.floor(runs[i].from * 2) / 2;
  console.log(`${name}: ${runs.map((r) => `from ${r.from}em ${r.needs.toFixed(2)}em`).join(', ')}`);
  console.log(`${name} reserve: ${JSON.stringify(steps)}`);
}
await browser.close();
