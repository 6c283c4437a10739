import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
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

const sizes = () => JSON.parse(readFileSync(SIZES, 'utf8')) as { firstLoad: Record<string, { gzip: number }>; loader: { gzip: number } };
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
  const { firstLoad, loader } = sizes();
  await expect(card.getByRole('row', { name: /Before it is visible/ })).toContainText(bytes(loader.gzip));
  await expect(card.getByRole('row', { name: /First load/ })).toContainText(bytes(firstLoad.quote?.gzip ?? Number.NaN));
});

test('the Bundle report page links to the treemaps beside Storybook', async ({ page }) => {
  await page.goto(`${server.url}/storybook/?path=/docs/bundle-report--docs`);
  const docs = page.frameLocator('#storybook-preview-iframe');
  await expect(docs.getByRole('table', { name: /First load per widget/ })).toContainText(bytes(sizes().firstLoad.quote?.gzip ?? Number.NaN), FIRST_RENDER);
  await docs.getByRole('link', { name: /The embed: shared runtime/ }).click();
  await expect(page).toHaveURL(`${server.url}/reports/embed.html`);
  await expect(page).toHaveTitle(/Teppan embed bundle/);
});

// The docs pages are read by people too: the a11y addon checks the stories, not the MDX pages around them.
for (const [id, heading] of [
  ['introduction--docs', 'Teppan'],
  ['theming--docs', 'Theming'],
  ['bundle-report--docs', 'Bundle report'],
  ['widgets-quotecalculator--docs', 'QuoteCalculator'],
] as const) {
  test(`the ${id} page has no axe violations`, async ({ page }) => {
    await page.goto(`${server.url}/storybook/iframe.html?viewMode=docs&id=${id}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible(FIRST_RENDER);
    // Storybook renders the docs' live stories after the page text: wait until nothing is pending.
    await page.waitForLoadState('networkidle');
    // The landmark rules are left out: this document is the preview frame inside Storybook's own page, and
    // Storybook's docs container, not ours, has no <main>. Everything on it (text, tables, code, the live widgets) is checked.
    const { violations } = await new AxeBuilder({ page }).disableRules(['landmark-one-main', 'region']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
