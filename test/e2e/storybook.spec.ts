import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { serveSubPaths } from '../support/sub-path-server';

/**
 * The built Storybook as `npm start` serves it: from `/storybook/`, beside the bundle reports at
 * `/reports/`, on a server with no API of its own, so the stories' data can only come from MSW's
 * worker, registered under the sub-path.
 */
const SIZES = 'dist/reports/sizes.json';
const STORYBOOK = 'dist/storybook/index.html';

// A fresh browser first registers MSW's worker, then Storybook renders every story of a docs page: on a loaded
// two-core machine that took up to a minute. Room to spare, not a speed test.
const FIRST_RENDER = { timeout: 120_000 };
test.describe.configure({ timeout: 240_000 });

let server: Awaited<ReturnType<typeof serveSubPaths>>;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  expect(existsSync(SIZES), 'run npm run build first: the cost cards read its sizes.json').toBe(true);
  // Built now unless a build newer than the sizes it shows is there already (about a minute on two cores).
  if (!existsSync(STORYBOOK) || statSync(STORYBOOK).mtimeMs < statSync(SIZES).mtimeMs) {
    const built = spawnSync('node_modules/.bin/storybook', ['build', '-o', 'dist/storybook', '--quiet'], { stdio: 'inherit' });
    expect(built.status, 'storybook build').toBe(0);
  }
  server = await serveSubPaths({ '/storybook/': 'dist/storybook', '/reports/': 'dist/reports' });
});

test.afterAll(async () => {
  await server?.close();
});

const sizes = () =>
  JSON.parse(readFileSync(SIZES, 'utf8')) as {
    firstLoad: Record<string, { gzip: number }>;
    loader: { gzip: number };
    languages: Record<string, Record<string, { gzip: number; chunk: { gzip: number } }>>;
  };
const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;

test('a widget story renders from /storybook/ with the catalog MSW serves', async ({ page }) => {
  await page.goto(`${server.url}/storybook/?path=/story/widgets-quotecalculator--desktop`);
  const story = page.frameLocator('#storybook-preview-iframe');
  // The demo tenant's menu and prices: only the reference API in the worker knows them.
  await expect(story.getByLabel('Lobster tail')).toBeVisible(FIRST_RENDER);
  await expect(story.getByRole('row', { name: 'Total $600.00' })).toBeVisible();
  await story.getByLabel('Adults').fill('20');
  await expect(story.getByRole('row', { name: 'Total $1,200.00' })).toBeVisible();
});

test('a widget’s docs page shows its cost card from the build’s sizes', async ({ page }) => {
  await page.goto(`${server.url}/storybook/?path=/docs/widgets-quotecalculator--docs`);
  const card = page.frameLocator('#storybook-preview-iframe').getByRole('table', { name: /What QuoteCalculator costs a page/ });
  await expect(card).toBeVisible(FIRST_RENDER);
  const { firstLoad, loader, languages } = sizes();
  await expect(card.getByRole('row', { name: /Before it is visible/ })).toContainText(bytes(loader.gzip));
  await expect(card.getByRole('row', { name: /First load/ })).toContainText(bytes(firstLoad.quote?.gzip ?? Number.NaN));
  // In Spanish: the first load with its Spanish words, and those words alone.
  await expect(card.getByRole('row', { name: /In Spanish/ })).toContainText(bytes(languages.quote?.es?.gzip ?? Number.NaN));
  await expect(card.getByRole('row', { name: /Its Spanish words/ })).toContainText(bytes(languages.quote?.es?.chunk.gzip ?? Number.NaN));
});

test('the Bundle report page links to the treemaps beside Storybook', async ({ page }) => {
  await page.goto(`${server.url}/storybook/?path=/docs/bundle-report--docs`);
  const docs = page.frameLocator('#storybook-preview-iframe');
  await expect(docs.getByRole('table', { name: /First load per widget/ })).toContainText(bytes(sizes().firstLoad.quote?.gzip ?? Number.NaN), FIRST_RENDER);
  await docs.getByRole('link', { name: /The embed: shared runtime/ }).click();
  await expect(page).toHaveURL(`${server.url}/reports/embed.html`);
  await expect(page).toHaveTitle(/Teppan embed bundle/);
});

/** The docs pages: id, heading, and whether live stories are on it. Every docs page of the build is here (checked below). */
const DOCS_PAGES = [
  ['introduction--docs', 'Teppan', false],
  ['theming--docs', 'Theming', true],
  ['bundle-report--docs', 'Bundle report', false],
  ['widgets-quotecalculator--docs', 'QuoteCalculator', true],
  ['widgets-bookingform--docs', 'BookingForm', true],
  ['widgets-paymentform--docs', 'PaymentForm', true],
  ['widgets-chatwidget--docs', 'ChatWidget', true],
  ['widgets-managebooking--docs', 'ManageBooking', true],
] as const;

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'docs' | 'story';
}
const index = () => Object.values((JSON.parse(readFileSync('dist/storybook/index.json', 'utf8')) as { entries: Record<string, IndexEntry> }).entries);

/** The stories a docs page shows, by the build's index: a widget's page and an MDX page attached to stories show those of its title. */
const storiesOn = (docsId: string) => {
  const entries = index();
  const docs = entries.find((e) => e.id === docsId);
  return entries.filter((e) => e.type === 'story' && e.title === docs?.title);
};

test('every docs page of the build is checked here, those with stories on a phone too', () => {
  const pages = index().filter((e) => e.type === 'docs');
  expect(pages.map((e) => [e.id, storiesOn(e.id).length > 0]).sort()).toEqual(DOCS_PAGES.map(([id, , live]) => [id, live]).sort());
});

/** A Loading story's placeholder, by the toolbar's language. */
const LOADING: Record<string, RegExp> = { en: /^Loading the /, es: /^Cargando / };

/**
 * Opens a docs page (in the toolbar's `locale`) and waits until every story the index puts on it shows what it is for: its widget drawn (its
 * root part), or, for a Loading story, the placeholder that holds the widget's place. Storybook draws a page's text
 * first and its stories after it, each once MSW's worker, its own API, the widget's code and its data are there: a
 * check that runs earlier sees no widget at all and passes whatever the widgets are (network idle is no sign: it
 * came before any story had drawn, on a loaded machine).
 */
async function openDocs(page: Page, id: string, heading: string, locale = 'en'): Promise<Locator[]> {
  await page.goto(`${server.url}/storybook/iframe.html?viewMode=docs&id=${id}&globals=locale:${locale}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible(FIRST_RENDER);
  const stories = storiesOn(id);
  // One preview per story: two copies of one story would share its API (and its landmarks, if it had any).
  await expect(page.locator('.docs-story')).toHaveCount(stories.length);
  const previews: Locator[] = [];
  for (const story of stories) {
    const preview = page.locator(`.docs-story:has(#story--${story.id}, #story--${story.id}--primary)`);
    if (story.name === 'Loading') await expect(preview.getByRole('status', { name: LOADING[locale] })).toBeVisible(FIRST_RENDER);
    else await expect(preview.locator('[part="root"]')).toBeAttached(FIRST_RENDER);
    previews.push(preview);
  }
  return previews;
}

/**
 * Where a story's widget sits in its preview: its box (the root's, and the floating parts', which are fixed and
 * outside the root's box: the chat's panel and button) and every box around it that clips it, up to the preview
 * frame (the frame itself, and any box between whose overflow is not visible).
 */
function placement(frame: Element) {
  const root = frame.querySelector('.teppan-root');
  if (!root) return undefined;
  const floating = [...root.querySelectorAll('*')].filter((el) => getComputedStyle(el).position === 'fixed');
  const boxes = [root, ...floating].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
  const widget = {
    left: Math.min(...boxes.map((r) => r.left)),
    top: Math.min(...boxes.map((r) => r.top)),
    right: Math.max(...boxes.map((r) => r.right)),
    bottom: Math.max(...boxes.map((r) => r.bottom)),
  };
  const clips: { by: string; left: number; top: number; right: number; bottom: number }[] = [];
  for (let el = root.parentElement; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (el === frame || style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const r = el.getBoundingClientRect();
      clips.push({ by: `${el.localName}.${[...el.classList].join('.')}#${el.id}`, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    if (el === frame) break;
  }
  return { widget, clips };
}

/** Checks a preview's widget is drawn (not zero-sized) and wholly inside its frame. */
async function expectWhole(preview: Locator) {
  const story = await preview.locator('[data-story-block]').getAttribute('id');
  const at = await preview.evaluate(placement);
  expect(at, `${story}: a widget in its preview`).toBeDefined();
  if (!at) return;
  const { widget, clips } = at;
  expect(widget.right - widget.left, `${story}: the widget's width`).toBeGreaterThan(0);
  expect(widget.bottom - widget.top, `${story}: the widget's height`).toBeGreaterThan(0);
  for (const clip of clips) {
    const outside = [widget.left < clip.left - 0.5, widget.top < clip.top - 0.5, widget.right > clip.right + 0.5, widget.bottom > clip.bottom + 0.5];
    expect(outside, `${story}: the widget (${JSON.stringify(widget)}) inside ${clip.by} (${JSON.stringify(clip)})`).toEqual([false, false, false, false]);
  }
}

/** Checks every preview's widget is whole, and that the stories leave the page to its reader; the page is attached as a screenshot. */
async function expectWholeWidgets(page: Page, previews: Locator[], what: string) {
  // No story moves the page (a widget focusing itself as it opens).
  expect(await page.evaluate(() => window.scrollY), 'the page is still at its top').toBe(0);
  // A file beside the test's results (not the report's JSON): a full docs page is megabytes.
  const path = test.info().outputPath(`${what.replaceAll(' ', '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(what, { path, contentType: 'image/png' });
  for (const preview of previews) await expectWhole(preview);
  // Nor holds it still (a phone's chat panel, meant for a page it covers).
  if (previews.length > 0) {
    await page.mouse.move(10, 10);
    await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => window.scrollY), { message: 'the reader can scroll the page' }).toBeGreaterThan(0);
  }
}

// The docs pages are read by people too: the a11y addon checks each story alone, not the pages that hold them all at once.
for (const [id, heading] of DOCS_PAGES) {
  test(`the ${id} page, every story drawn, has no axe violations, and each story's widget is whole in its preview (1280 px)`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const previews = await openDocs(page, id, heading);
    // Two landmark rules are left out: this document is the preview frame inside Storybook's own page, and
    // Storybook's docs container, not ours, has no <main> and holds text outside landmarks. So are Storybook's own
    // switch controls (the unselected side of its boolean toggle is drawn at 2.75:1 by its theme). Everything else on
    // it (text, tables, code, the live widgets, unique landmark names) is checked. But the chat: its dialog holds a
    // region and a form of its own ("Conversation", "Write a message"), unique on a page, which has one chat (its
    // launcher is the page's); only the chat's own page, with eleven open at once, repeats them.
    const rules = id === 'widgets-chatwidget--docs' ? ['landmark-one-main', 'region', 'landmark-unique'] : ['landmark-one-main', 'region'];
    const { violations } = await new AxeBuilder({ page }).disableRules(rules).exclude('.docblock-argstable label[for^="control-"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await expectWholeWidgets(page, previews, `${id} at 1280 px`);
  });
}

for (const [id, heading] of DOCS_PAGES.filter(([, , live]) => live)) {
  test(`each story's widget on the ${id} page is whole in its preview on a phone (390 px)`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expectWholeWidgets(page, await openDocs(page, id, heading), `${id} at 390 px`);
  });
}

test('the chat opened from its button on its docs page shows its panel whole in that story’s frame', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const [launcher] = await openDocs(page, 'widgets-chatwidget--docs', 'ChatWidget');
  if (!launcher) throw new Error('No Launcher story on the ChatWidget page.');
  await launcher.getByRole('button', { name: 'Open chat' }).click();
  await expect(launcher.getByRole('dialog', { name: /^Questions\?/ })).toBeVisible();
  await expectWhole(launcher);
});

/**
 * What a widget says in Spanish once translated (the toolbar's Español): one line per widget, filled in as each is
 * (the booking form, the deposit and the chat add theirs here). Every widget's stories are checked in Spanish anyway.
 */
const SPANISH: Record<string, RegExp[]> = {
  'widgets-quotecalculator--docs': [/^Adultos$/, /^Fecha del evento$/],
};

for (const [id, heading] of DOCS_PAGES.filter(([, , live]) => live)) {
  test(`the ${id} page with the toolbar's language at Español: every story drawn in Spanish, no key names, no axe violations`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const previews = await openDocs(page, id, heading, 'es');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    for (const preview of previews) {
      // A message missing from a catalog is English, never its key: no text anywhere looks like one.
      await expect(preview.locator('[part="root"]').getByText(/^[a-z]+(\.[a-z-]+)+$/)).toHaveCount(0);
      await expect(preview.getByRole('status', { name: /^Loading the / })).toHaveCount(0);
      for (const text of SPANISH[id] ?? [])
        if ((await preview.locator('[part="root"]').count()) > 0) await expect(preview.getByText(text).first()).toBeVisible();
      // A widget that says its language says Spanish.
      for (const lang of await preview.locator('[part="root"][lang]').evaluateAll((roots) => roots.map((r) => r.getAttribute('lang'))))
        expect(lang).toMatch(/^es\b/);
    }
    const rules = id === 'widgets-chatwidget--docs' ? ['landmark-one-main', 'region', 'landmark-unique'] : ['landmark-one-main', 'region'];
    const { violations } = await new AxeBuilder({ page }).disableRules(rules).exclude('.docblock-argstable label[for^="control-"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
