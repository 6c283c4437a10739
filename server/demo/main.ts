import { createHttpClient, createTeppanApi, formatMoney, isTeppanError } from '../../src/core';

/**
 * Until the widgets arrive, the demo shows the tenant's prices through the
 * SDK's own data layer (same retries, errors and CORS a widget gets).
 */
const api = createTeppanApi(createHttpClient({ apiBase: location.origin, publishableKey: 'pk_test_demo' }));
const target = document.getElementById('prices') as HTMLElement;

function item(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

try {
  const catalog = await api.catalog();
  const money = (cents: number) => formatMoney(cents, catalog.currency);
  const list = document.createElement('ul');
  list.className = 'price-list';
  list.append(
    item(`Adults: ${money(catalog.prices.adultCents)}`),
    item(`Children under ${catalog.prices.childUnderAge}: ${money(catalog.prices.childCents)}`),
    ...catalog.upgrades.map((u) => item(`${u.name}: +${money(u.priceCents)} ${u.unitLabel}`)),
    ...catalog.addOns.map((a) => item(`${a.name}: ${money(a.priceCents)} ${a.unitLabel}`)),
    item(`Event minimum: ${money(catalog.minimumFoodCents)}; deposit ${money(catalog.depositCents)}`),
  );
  target.replaceChildren(list);
} catch (error) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = isTeppanError(error) ? error.userMessage : 'The prices could not be loaded.';
  target.replaceChildren(p);
} finally {
  target.setAttribute('aria-busy', 'false');
}
