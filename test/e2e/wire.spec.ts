import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Response, test } from '@playwright/test';
import { recordCspViolations } from './hosts';

/**
 * What Chromium receives from `npm start`: the embed and the page compressed
 * (the build's brotli twins, byte for byte), with their cache headers and
 * validators, and the bundle reports served beside the demo under their own
 * policy. Sizes come from Resource Timing, as the browser counted them.
 */

const HASHED = /-[\w-]{8,}\.js$/;

test('a widget’s first load arrives as the build’s brotli twins, with immutable chunks and a revalidated loader', async ({ page }) => {
  const embed = new Map<string, Response>();
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/embed/')) embed.set(new URL(r.url()).pathname, r);
  });
  await page.goto('/quote.html');
  await expect(page.getByLabel('Adults')).toBeVisible();
  // The HTTP client's chunk follows once the page is idle: every file has arrived, whole, before the sizes are read.
  await page.waitForLoadState('networkidle');

  const loader = embed.get('/embed/teppan.js');
  const chunks = [...embed.keys()].filter((p) => HASHED.test(p));
  expect(loader).toBeDefined();
  expect(chunks.length).toBeGreaterThanOrEqual(2);
  for (const [path, response] of embed) {
    const headers = await response.allHeaders();
    expect(headers['content-encoding'], path).toBe('br');
    expect(headers.vary, path).toMatch(/accept-encoding/i);
    expect(headers['cache-control'], path).toBe(HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  }
  expect((await loader?.allHeaders())?.etag).toMatch(/^"[\w-]+-br"$/);

  // The bytes Chromium took off the wire are the twins on disk, and far fewer than the scripts they carry.
  const sizes = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.startsWith('/embed/'))
      .map((e) => {
        const r = e as PerformanceResourceTiming;
        return { path: new URL(r.name).pathname, encoded: r.encodedBodySize, decoded: r.decodedBodySize };
      }),
  );
  expect(sizes.length).toBe(embed.size);
  for (const { path, encoded, decoded } of sizes) {
    const file = join('dist/embed', path.slice('/embed/'.length));
    expect(decoded, path).toBe(statSync(file).size);
    expect(encoded, path).toBe(statSync(`${file}.br`).size);
    expect(encoded, path).toBeLessThan(decoded * 0.6);
  }
});

test('the loader and the page answer a conditional request with 304, and a changed tag with the whole file', async ({ page }) => {
  await page.goto('/quote.html');
  const statuses = await page.evaluate(async () => {
    const out: Record<string, number[]> = {};
    for (const url of ['/embed/teppan.js', '/quote.html']) {
      const first = await fetch(url, { cache: 'no-store' });
      const etag = first.headers.get('etag') ?? '';
      // A request carrying its own If-None-Match gets the server's answer as it is, 304 included.
      const again = await fetch(url, { cache: 'no-store', headers: { 'If-None-Match': etag } });
      const other = await fetch(url, { cache: 'no-store', headers: { 'If-None-Match': '"not-this-one"' } });
      out[url] = [first.status, again.status, other.status];
    }
    return out;
  });
  expect(statuses).toEqual({ '/embed/teppan.js': [200, 304, 200], '/quote.html': [200, 304, 200] });
});

test('the demo page itself comes compressed, and the catalog (JSON over 1 kB) too', async ({ page }) => {
  const catalog = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/catalog');
  const response = await page.goto('/quote.html');
  const headers = await response?.allHeaders();
  expect(headers?.['content-encoding']).toBe('br');
  expect(headers?.['cache-control']).toBe('no-cache');
  const catalogHeaders = await (await catalog).allHeaders();
  expect(catalogHeaders['content-encoding']).toBe('br');
  expect(catalogHeaders.vary).toMatch(/accept-encoding/i);
  await expect(page.getByLabel('Adults')).toBeVisible();
});

test('/reports/ lists the treemaps and the first-load table, and a treemap draws under the reports’ policy', async ({ page }) => {
  const violations = await recordCspViolations(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/reports');
  await expect(page).toHaveURL(/\/reports\/$/);
  await expect(page.getByRole('heading', { name: 'Teppan bundle reports' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('quote');
  for (const name of ['Embed:', 'Embed loader:', 'npm library:', 'Demo site:']) await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  await page.getByRole('link', { name: /^Embed:/ }).click();
  await expect(page).toHaveTitle('Teppan embed bundle');
  // The treemap is drawn by its inline script: boxes named after our modules appear.
  await expect(page.locator('svg').first()).toBeVisible();
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});
