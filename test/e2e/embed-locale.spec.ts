import { expect, type Page, test } from '@playwright/test';
import { openHost } from './hosts';

/** The embed's chunk named `name`: a widget's (`quote-<hash>.js`), its messages in a language (`quote-es-<hash>.js`), the shared words' (`shared-es-<hash>.js`). */
const chunk = (name: string) => new RegExp(`/embed/${name}-[\\w-]{8}\\.js$`);

/** Holds every response of `pattern` back by `ms`, so what starts before it arrives can be told apart. */
async function slow(page: Page, pattern: RegExp, ms: number) {
  await page.route(pattern, async (route) => {
    await new Promise((later) => setTimeout(later, ms));
    await route.continue();
  });
}

test.describe('on a page whose <html lang> is Spanish', () => {
  test('the loader’s own launcher and buttons speak Spanish before any widget code', async ({ page }) => {
    await slow(page, chunk('runtime'), 60_000); // no widget draws anything: only the loader speaks
    await openHost(page, 'es-loader', {
      lang: 'es',
      body: '<teppan-quote loading="interaction"></teppan-quote><teppan-booking loading="interaction" locale="en"></teppan-booking><teppan-chat></teppan-chat>',
    });
    await expect(page.getByRole('button', { name: 'Mostrar el cotizador' })).toBeVisible();
    // An element's own `locale` wins over the page's.
    await expect(page.getByRole('button', { name: 'Show the booking form' })).toBeVisible();
    const launcher = page.getByRole('button', { name: 'Abrir chat' });
    await expect(launcher).toHaveText('Chat');
    await expect(page.getByRole('button', { name: /^Show the quote|Open chat/ })).toHaveCount(0);
  });

  test('the placeholder says it is loading in Spanish, and the Spanish messages are fetched beside the widget’s code, not after it', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    // The widget's code arrives late: its Spanish messages must already be on their way by then.
    let widgetArrived = -1;
    page.on('requestfinished', (r) => {
      if (chunk('quote').test(new URL(r.url()).pathname) && widgetArrived < 0) widgetArrived = requested.length;
    });
    await slow(page, chunk('quote'), 1500);
    await page.route('**/api/v1/catalog*', async (route) => {
      await new Promise((later) => setTimeout(later, 3000));
      await route.continue();
    });
    await openHost(page, 'es-quote', { lang: 'es', body: '<teppan-quote loading="eager"></teppan-quote>' });
    await expect(page.getByRole('status', { name: 'Cargando el cotizador' })).toBeVisible();
    await expect(page.getByLabel('Adultos')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Cotiza al instante' })).toBeVisible();
    const messages = requested.findIndex((path) => chunk('quote-es').test(path));
    const code = requested.findIndex((path) => chunk('quote').test(path));
    expect(code).toBeGreaterThanOrEqual(0);
    expect(messages, `requests: ${requested.join(' ')}`).toBeGreaterThanOrEqual(0);
    // Requested before the widget's code had come back, and only once (the widget's own import finds it).
    expect(messages).toBeLessThan(widgetArrived);
    expect(requested.filter((path) => chunk('quote-es').test(path))).toHaveLength(1);
    // And the words the widgets share in Spanish (failures, quote lines), which the widget imports beside its own.
    const shared = requested.findIndex((path) => chunk('shared-es').test(path));
    expect(shared, `requests: ${requested.join(' ')}`).toBeGreaterThanOrEqual(0);
    expect(shared).toBeLessThan(widgetArrived);
    expect(requested.filter((path) => chunk('shared-es').test(path))).toHaveLength(1);
  });
});

test('an English page fetches no Spanish', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openHost(page, 'en-quote', { body: '<teppan-quote loading="eager"></teppan-quote>' });
  await expect(page.getByLabel('Adults')).toBeVisible();
  expect(requested.filter((path) => /\/embed\/\w+-es-/.test(path))).toEqual([]);
});

test.describe('in a Spanish-speaking browser', () => {
  test.use({ locale: 'es-MX' });

  test('an English page stays English (the page decides); an element with locale="auto" speaks the visitor’s Spanish', async ({ page }) => {
    await openHost(page, 'auto', {
      body: '<teppan-quote loading="eager" heading="Page quote"></teppan-quote><teppan-quote loading="interaction" locale="auto"></teppan-quote><teppan-chat locale="auto"></teppan-chat>',
    });
    const [english, auto] = [page.locator('teppan-quote').first(), page.locator('teppan-quote').nth(1)];
    await expect(english.getByLabel('Adults')).toBeVisible();
    await expect(auto.getByRole('button', { name: 'Mostrar el cotizador' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Abrir chat' })).toBeVisible();
    // Pressed as a screen reader does: a pointer's move over it would wake it first, and the button could go
    // before the click lands (a fresh clone's run timed out waiting for it).
    await auto.getByRole('button', { name: 'Mostrar el cotizador' }).dispatchEvent('click');
    await expect(auto.getByLabel('Adultos')).toBeVisible();
    await expect(auto.getByRole('group', { name: 'Cotiza al instante' })).toHaveAttribute('lang', 'es-MX');
    await expect(english.getByRole('group', { name: 'Page quote' })).toHaveAttribute('lang', 'en');
  });
});
