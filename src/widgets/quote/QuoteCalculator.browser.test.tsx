import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../server/app';
import { createMemoryStore } from '../../../server/store/memory';
import { demoTenant } from '../../../server/tenants';
import { freshReferenceApi, startReferenceApi, worker } from '../../../test/support/msw-browser';
import { addDays, bookableDates, type LogEntry } from '../../core';
import { createTeppanQueryClient } from '../../query';
import { QuoteCalculator, TeppanProvider } from '../../react';

// The widget's code before any test: a cold Vite transform must not eat a test's waits.
beforeAll(() => Promise.all([startReferenceApi(), QuoteCalculator.preload()]));
afterAll(() => worker.stop());
beforeEach(() => {
  localStorage.clear();
  freshReferenceApi();
});

const date = addDays(bookableDates(demoTenant.catalog, Date.now()).first, 10);

describe('QuoteCalculator', () => {
  it('calls an inline onReady once, however often it re-renders', async () => {
    const onReady = vi.fn();
    const client = createTeppanQueryClient();
    const { rerender } = render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={client}>
        <QuoteCalculator onReady={() => onReady()} />
      </TeppanProvider>,
    );
    const adults = await screen.findByLabelText('Adults');
    await userEvent.clear(adults);
    await userEvent.type(adults, '14');
    rerender(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={client}>
        <QuoteCalculator onReady={() => onReady()} heading="Again" />
      </TeppanProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Again' })).toBeTruthy();
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('shows the server’s figure when it disagrees with the estimate, and logs the mismatch', async () => {
    // A server whose pricing has moved on from the catalog the widget estimates with.
    const app = createApp({ store: createMemoryStore() });
    worker.use(
      http.post('*/api/v1/quotes', async ({ request }) => {
        const quote = await (await app.fetch(request)).json();
        quote.lines.push({ kind: 'minimum', label: 'Holiday surcharge', amountCents: 5_000 });
        quote.totalCents += 5_000;
        return HttpResponse.json(quote, { status: 201 });
      }),
    );
    const logs: LogEntry[] = [];
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()} onLog={(e) => logs.push(e)}>
        <QuoteCalculator defaultEventDate={date} defaultZip="90012" />
      </TeppanProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Your quote' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('row', { name: 'Total $650.00' })).toBeTruthy();
    await waitFor(() => expect(logs).toContainEqual({ type: 'quote-mismatch', estimateCents: 60_000, quoteCents: 65_000, quoteId: expect.any(String) }));
  });

  it('agrees with the server and logs no mismatch for every menu choice', async () => {
    const logs: LogEntry[] = [];
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()} onLog={(e) => logs.push(e)}>
        <QuoteCalculator defaultEventDate={date} defaultZip="93101" defaultAdults={7} defaultChildren={5} />
      </TeppanProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Your quote' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Travel: 88 miles/ })).toBeTruthy();
    expect(logs.filter((l) => l.type === 'quote-mismatch')).toEqual([]);
  });
});
