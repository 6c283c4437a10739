import { formatMoney } from '../../src/core';
import { useCatalog, useTeppan } from '../../src/query';
import { WidgetBoundary } from '../../src/react';
import { Skeleton } from '../../src/ui';

/**
 * A story-only consumer of the data layer: reads the catalog through the
 * shared query client inside the widgets' own boundary, so the story shows
 * loading, failure with a retry, and success exactly as a widget would.
 */
function Menu() {
  const { data } = useCatalog();
  const { locale } = useTeppan();
  const money = (cents: number) => formatMoney(cents, data.currency, locale);
  return (
    <section aria-labelledby="menu-title">
      <h2 id="menu-title">{data.name}</h2>
      <ul>
        <li>Adults: {money(data.prices.adultCents)}</li>
        <li>
          Children under {data.prices.childUnderAge}: {money(data.prices.childCents)}
        </li>
        {data.upgrades.map((u) => (
          <li key={u.id}>
            {u.name}: +{money(u.priceCents)} {u.unitLabel}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MenuPreview() {
  return (
    <WidgetBoundary fallback={<Skeleton height="10rem" label="Loading the menu" />}>
      <Menu />
    </WidgetBoundary>
  );
}
