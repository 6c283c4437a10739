import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ReactNode, Suspense } from 'react';
import { formatMoney, isTeppanError, TeppanError } from '../../src/core';
import { useCatalog, useTeppan } from '../../src/query';
import { ErrorNotice, Skeleton } from '../../src/ui';

/**
 * A story-only consumer of the data layer: reads the catalog through the
 * shared query client, suspends while it loads, and shows failures with a retry.
 * (The widgets' own boundary arrives with them.)
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

class Boundary extends Component<{ onReset: () => void; children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const shown = isTeppanError(error) ? error : new TeppanError({ kind: 'bad_response', cause: error });
    return (
      <ErrorNotice
        error={shown}
        onRetry={() => {
          this.props.onReset();
          this.setState({ error: undefined });
        }}
      />
    );
  }
}

export function MenuPreview() {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary onReset={reset}>
          <Suspense fallback={<Skeleton height="10rem" label="Loading the menu" />}>
            <Menu />
          </Suspense>
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
