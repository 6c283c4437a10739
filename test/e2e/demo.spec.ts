import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.afterEach(async ({ request }) => {
  await request.delete('/__chaos');
});

test('the demo page shows the tenant’s prices through the SDK, with no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sakura Hibachi Catering' })).toBeVisible();
  const prices = page.getByRole('region', { name: 'Prices, live from the reference API' });
  await expect(prices.getByRole('listitem').filter({ hasText: 'Adults: $60.00' })).toBeVisible();
  await expect(prices.getByText('Lobster tail: +$15.00 per plate')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations).toEqual([]);
});

test('a flaky API is retried in the browser: two 503s and the visitor still sees prices', async ({ page, request }) => {
  await request.post('/__chaos', { data: { path: '/api/v1/catalog', status: 503, times: 2 } });
  const catalogCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/catalog')) catalogCalls.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByText('Adults: $60.00')).toBeVisible();
  expect(catalogCalls).toHaveLength(3);
});

test('when the API stays down the visitor gets a message, not a blank page', async ({ page, request }) => {
  await request.post('/__chaos', { data: { path: '/api/v1/catalog', status: 500 } });
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveText(/Something went wrong on our side/);
});

test('the API, its contract and the demo share one port', async ({ request }) => {
  expect(await (await request.get('/api/v1/health')).json()).toEqual({ status: 'ok' });
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(doc.info.title).toBe('Teppan API');
});
