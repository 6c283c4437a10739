import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { adminBookings, eventDate } from './support';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

/** What each widget on /es/ must say in Spanish when the page opens, and English it must not say. */
const WIDGETS: { tag: string; spanish: RegExp[]; english: RegExp[] }[] = [
  {
    tag: 'teppan-quote',
    spanish: [/^Adultos$/, /^Niños$/, /^Fecha del evento$/, /^Código postal$/],
    english: [/^Adults$/, /^Children$/, /^Event date$/, /^ZIP code$/, /^Book this quote$/, /Your (quote|estimate)/],
  },
  {
    tag: 'teppan-booking',
    spanish: [/^Reserva tu evento$/, /^Empieza con una cotización: /, /^Obtener una cotización$/],
    english: [/^Book your event$/, /^Start with a quote/, /^Get a quote$/],
  },
  { tag: 'teppan-chat', spanish: [/^Chat$/], english: [/^Open chat$/, /^Ask us$/] },
];

/** English UI strings no step of a Spanish widget may show (each is a label, button or heading of its English catalog). */
const ENGLISH = [
  /^Choose a seating$/,
  /^Event address$/,
  /^Street address$/,
  /^City$/,
  /^Contact details$/,
  /^Name$/,
  /^Email$/,
  /^Phone$/,
  /^Continue$/,
  /^Back$/,
  /^Review and confirm$/,
  /^Confirm booking$/,
  /^Booking received$/,
  /^Card number$/,
  /^Expiration date$/,
  /^Security code$/,
  /^Postal code$/,
  /^Pay deposit$/,
  /^Pay your deposit$/,
  /^Deposit paid$/,
  /^Your booking$/,
  /^Booking confirmed$/,
  /^Change date or time$/,
  /^Cancel booking$/,
  /^Add to calendar$/,
  /^Send$/,
  /^Message$/,
  /^Talk to a person$/,
  /^Event minimum$/,
  /per plate/,
];

async function expectNoEnglish(scope: Locator) {
  for (const text of ENGLISH) await expect(scope.getByText(text), String(text)).toHaveCount(0);
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Fields side by side (their labels start level) whose inputs do not start level too, in the widget `scope`, and
 * which pairs were compared: a label that wraps onto more lines than its neighbour's must not push its input lower.
 */
async function unevenFieldRows(scope: Locator): Promise<{ compared: string[]; uneven: string[] }> {
  return scope
    .locator('[part=root]')
    .first()
    .evaluate((root) => {
      const fields = [...root.querySelectorAll('label')].flatMap((label) => {
        const input = label.control;
        const [l, i] = [label.getBoundingClientRect(), input?.getBoundingClientRect()];
        return input && i && i.width > 0 && l.height > 0 ? [{ name: (label.textContent ?? '').trim(), label: l, input: i }] : [];
      });
      const compared: string[] = [];
      const uneven: string[] = [];
      for (const [n, a] of fields.entries()) {
        for (const b of fields.slice(n + 1)) {
          const sideBySide = Math.abs(a.label.top - b.label.top) <= 1 && (a.label.right <= b.label.left || b.label.right <= a.label.left);
          if (!sideBySide) continue;
          compared.push(`${a.name} | ${b.name}`);
          if (Math.abs(a.input.top - b.input.top) > 1) uneven.push(`${a.name} (input at ${a.input.top}) | ${b.name} (input at ${b.input.top})`);
        }
      }
      return { compared, uneven };
    });
}

/** At each width: every row of fields in `scope` level, and the row `rows[width]` names among those compared (so the check never passes on nothing). */
async function expectLevelFieldRows(page: Page, scope: Locator, rows: Partial<Record<number, string>>) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => unevenFieldRows(scope), { message: `${width} px wide` }).toMatchObject({ uneven: [] });
    const row = rows[width];
    if (row) expect((await unevenFieldRows(scope)).compared, `${width} px wide`).toContain(row);
  }
}

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
  await expect(quote.getByRole('row', { name: /12 adultos.*\$720\.00/ })).toBeVisible();
  await expect(quote.getByRole('button', { name: 'Reservar esta cotización' })).toBeVisible();
  // Spanish validation, from the widget, not the browser.
  await quote.getByLabel('Código postal').fill('9001');
  await expect(quote.getByText('Escribe un código postal de 5 dígitos.')).toBeVisible();
  // No widget shows a key name where a message belongs (a catalog's missing key would be English, never a key).
  for (const tag of ['teppan-quote', 'teppan-booking', 'teppan-chat']) await expect(page.locator(tag).getByText(/^[a-z]+(\.[a-z-]+)+$/)).toHaveCount(0);
  await expectNoAxeViolations(page);
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

test('/es/: a booking made and paid in Spanish, field by field, is stored as Spanish, and its mailed manage link opens the Spanish manage page', async ({
  page,
  request,
}) => {
  const date = eventDate(33);
  await page.goto('/es/');
  await page.getByRole('link', { name: 'Cotiza al instante' }).click();
  const quote = page.locator('teppan-quote');
  await quote.getByLabel('Adultos').fill('12');
  await quote.getByLabel('Fecha del evento').fill(date);
  await quote.getByLabel('Código postal').fill('90012');
  await quote.getByRole('button', { name: 'Reservar esta cotización' }).click();

  const booking = page.locator('teppan-booking');
  await expect(booking.getByRole('heading', { name: /Elige un horario/ })).toBeVisible();
  await expect(booking.getByRole('group', { name: 'Reserva tu evento' })).toHaveAttribute('lang', 'es');
  await expectNoEnglish(booking);
  await booking.getByRole('radio', { name: '18:00' }).check();
  await booking.getByRole('button', { name: 'Continuar' }).click();

  // An empty required field: the widget's Spanish message, tied to its field.
  await expect(booking.getByRole('heading', { name: /Dirección del evento/ })).toBeVisible();
  await booking.getByRole('button', { name: 'Continuar' }).click();
  await expect(booking.getByLabel('Dirección', { exact: true })).toHaveAccessibleDescription(/Escribe la dirección\./);
  await expect(booking.getByLabel('Ciudad')).toHaveAccessibleDescription(/Escribe la ciudad\./);
  await expectNoEnglish(booking);
  await expectNoAxeViolations(page);
  await booking.getByLabel('Dirección', { exact: true }).fill('1 Sakura Way');
  await booking.getByLabel('Ciudad').fill('Los Angeles');
  await booking.getByRole('button', { name: 'Continuar' }).click();
  await booking.getByLabel('Nombre').fill('Español Test');
  await booking.getByLabel('Correo electrónico').fill('ana@example.com');
  await booking.getByLabel('Teléfono').fill('(213) 555-0142');
  await booking.getByRole('button', { name: 'Continuar' }).click();
  await expect(booking.getByRole('heading', { name: /Revisa y confirma/ })).toBeVisible();
  await expect(booking.getByRole('row', { name: /12 adultos.*\$720\.00/ })).toBeVisible();
  await expectNoEnglish(booking);
  await expectNoAxeViolations(page);
  await booking.getByRole('button', { name: 'Confirmar reserva' }).click();
  await expect(booking.getByRole('heading', { name: 'Reserva recibida' })).toBeFocused();

  // The deposit form in place, in Spanish.
  await booking.getByLabel('Número de tarjeta').fill('4242424242424242');
  await booking.getByLabel('Fecha de vencimiento').fill('12 / 34');
  await booking.getByLabel('Código de seguridad').fill('123');
  await booking.getByLabel('Código postal').fill('90012');
  await expectNoEnglish(booking);
  await expectNoAxeViolations(page);
  await booking.getByRole('button', { name: 'Pagar anticipo' }).click();
  await expect(booking.getByText('Anticipo pagado').first()).toBeVisible();
  await expectNoEnglish(booking);

  const [stored] = (await adminBookings(request)).filter((b) => b.customer.name === 'Español Test') as { id: string; locale?: string }[];
  expect(stored?.locale).toBe('es');

  // Its confirmation (in the dev mailbox) carries the manage link to the Spanish manage page, which shows the booking in Spanish.
  const auth = { authorization: 'Bearer sk_test_demo' };
  let messageId: string | undefined;
  await expect(async () => {
    const { messages } = (await (await request.get('/api/v1/admin/messages?limit=500', { headers: auth })).json()) as {
      messages: { id: string; kind: string; to: string }[];
    };
    messageId = messages.find((m) => m.kind === 'booking-confirmed' && m.to === 'ana@example.com')?.id;
    expect(messageId).toBeDefined();
  }).toPass();
  const mail = await (await request.get(`/mail/demo/${messageId}`)).text();
  const link = mail.match(/https?:\/\/[^\s"<]+\/manage\.html\?token=[\w.-]+/)?.[0];
  expect(link).toBeDefined();
  const { pathname, search } = new URL(link ?? '');
  expect(pathname).toBe('/es/manage.html');
  await page.goto(`${pathname}${search}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Tu fiesta hibachi' })).toBeVisible();
  const manage = page.locator('teppan-manage');
  await expect(manage.getByRole('group', { name: 'Tu reserva' })).toHaveAttribute('lang', 'es');
  await expect(manage.getByText('Reserva confirmada')).toBeVisible();
  for (const label of ['Fecha', 'Hora', 'Invitados', 'Anticipo pagado']) await expect(manage.getByText(label, { exact: true })).toBeVisible();
  await expect(manage.getByText('12 invitados')).toBeVisible();
  await expect(manage.getByRole('button', { name: 'Cambiar fecha u hora' })).toBeVisible();
  await expectNoEnglish(manage);
  await manage.getByRole('button', { name: 'Cambiar fecha u hora' }).click();
  await expect(manage.getByText(/^Ahora: .* a las 18:00\.$/)).toBeVisible();
  await expect(manage.getByRole('group', { name: /^Horarios del / })).toBeVisible();
  await expectNoEnglish(page.locator('body'));
  await expectNoAxeViolations(page);
  // Its link to the English page keeps the booking: the same token, the same booking, in English.
  const english = page.getByRole('link', { name: 'English' });
  await expect(english).toHaveAttribute('href', `/manage.html${search}`);
  await english.click();
  await expect(page.locator('teppan-manage').getByText('Booking confirmed')).toBeVisible();
});

test('/es/: the chat answers a Spanish price question in Spanish, with the adult price in dollars', async ({ page }) => {
  await page.goto('/es/');
  await page.getByRole('button', { name: 'Abrir chat' }).click();
  const panel = page.getByRole('dialog', { name: /^¿Preguntas\?/ });
  await expect(panel).toBeVisible();
  await expect(page.locator('teppan-chat').locator('[lang="es"]').first()).toBeAttached();
  await panel.getByRole('textbox', { name: 'Mensaje' }).fill('¿cuánto cuesta por adulto?');
  await panel.getByRole('button', { name: 'Enviar' }).click();
  const reply = panel.locator('.teppan-chat__message--reply').last();
  await expect(reply).toContainText('$60');
  await expect(reply).toContainText(/adulto/i);
  await expect(reply).not.toContainText(/per adult|per person/i);
  await expectNoEnglish(page.locator('teppan-chat'));
  await expectNoAxeViolations(page);
});

test('/es/: fields side by side keep their inputs level, at 390 and 1280 px, however their Spanish labels wrap', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto('/es/');
  await page.getByRole('link', { name: 'Cotiza al instante' }).click();
  const quote = page.locator('teppan-quote');
  await expect(quote.getByLabel('Adultos')).toBeVisible();
  // At 390 px "Fecha del evento" takes two lines beside "Código postal"'s one.
  await expectLevelFieldRows(page, quote, { 390: 'Fecha del evento | Código postal', 1280: 'Filete mignon | Cola de langosta' });

  await page.setViewportSize({ width: 390, height: 900 });
  await quote.getByLabel('Adultos').fill('12');
  await quote.getByLabel('Fecha del evento').fill(eventDate(39));
  await quote.getByLabel('Código postal').fill('90012');
  await quote.getByRole('button', { name: 'Reservar esta cotización' }).click();
  const booking = page.locator('teppan-booking');
  await booking.getByRole('radio', { name: '18:00' }).check();
  await booking.getByRole('button', { name: 'Continuar' }).click();
  await expect(booking.getByLabel('Ciudad')).toBeVisible();
  await expectLevelFieldRows(page, booking, { 1280: 'Ciudad | Código postal' });
  await booking.getByLabel('Dirección', { exact: true }).fill('1 Sakura Way');
  await booking.getByLabel('Ciudad').fill('Los Angeles');
  await booking.getByRole('button', { name: 'Continuar' }).click();
  await expect(booking.getByLabel('Teléfono')).toBeVisible();
  await expectLevelFieldRows(page, booking, { 1280: 'Correo electrónico | Teléfono' });
  await booking.getByLabel('Nombre').fill('Filas Parejas');
  await booking.getByLabel('Correo electrónico').fill('filas@example.com');
  await booking.getByLabel('Teléfono').fill('(213) 555-0142');
  await booking.getByRole('button', { name: 'Continuar' }).click();
  await booking.getByRole('button', { name: 'Confirmar reserva' }).click();
  await expect(booking.getByLabel('Código de seguridad')).toBeVisible();
  await expectLevelFieldRows(page, booking, { 1280: 'Fecha de vencimiento | Código de seguridad' });
});
