import { expect, test } from '@playwright/test';
import { openHost } from './hosts';

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
