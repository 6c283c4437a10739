import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { openHost } from './hosts';
import { eventDate } from './support';

async function quoteId(request: APIRequestContext, offset: number): Promise<string> {
  const res = await request.post('/api/v1/quotes', {
    headers: { authorization: 'Bearer pk_test_demo' },
    data: { adults: 10, eventDate: eventDate(offset), zip: '90012' },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

// Landmarks are the host page's: two copies of a widget under one heading must not become two landmarks of one name,
// which a page cannot rename inside a shadow root. (In React, Storybook's docs pages hold many copies: storybook.spec.ts.)
test('two quote calculators and two booking forms with the same headings on one host page: named groups, no landmarks of their own, and axe finds nothing', async ({
  page,
  request,
}) => {
  const [first, second] = [await quoteId(request, 44), await quoteId(request, 45)];
  await openHost(page, 'two-of-each', {
    body: `<header><p>Sakura Hibachi Catering</p></header>
      <main>
        <h1>Plan your party</h1>
        <teppan-quote loading="eager"></teppan-quote>
        <teppan-quote loading="eager"></teppan-quote>
        <teppan-booking loading="eager" quote-id="${first}" draft-id="first"></teppan-booking>
        <teppan-booking loading="eager" quote-id="${second}" draft-id="second"></teppan-booking>
      </main>`,
  });
  // Each one drawn whole (not its loading placeholder) before axe looks.
  for (const calculator of await page.locator('teppan-quote').all()) await expect(calculator.getByRole('row', { name: 'Total $600.00' })).toBeVisible();
  for (const form of await page.locator('teppan-booking').all()) await expect(form.getByRole('radio', { name: '6:00 PM' })).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Each widget is a group named by its heading, which a screen reader reads as focus enters it; its heading stays on
  // the list of headings; and the host's landmarks are the only ones (no region or named form from inside the widgets).
  await expect(page.getByRole('group', { name: 'Get an instant quote', exact: true })).toHaveCount(2);
  await expect(page.getByRole('group', { name: 'Book your event', exact: true })).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 2, name: 'Get an instant quote' })).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 2, name: 'Book your event' })).toHaveCount(2);
  await expect(page.getByRole('region')).toHaveCount(0);
  await expect(page.getByRole('form')).toHaveCount(0);
});
