import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('QuoteCalculator in Spanish', () => {
  const renderQuote = (props: { locale?: string } = {}) =>
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
        <QuoteCalculator defaultAdults={10} {...props} />
      </TeppanProvider>,
    );

  /** What a Spanish-speaking visitor meets: the glossary's labels, a Spanish field message, dollars written the Spanish way. */
  async function expectSpanish(dollars: string) {
    const adults = await screen.findByLabelText('Adultos');
    expect(screen.getByLabelText('Niños')).toBeTruthy();
    expect(screen.getByLabelText('Fecha del evento')).toBeTruthy();
    expect(screen.getByLabelText('Código postal')).toBeTruthy();
    // Intl puts a no-break space between figure and currency.
    expect(screen.getByRole('row', { name: (name) => name.replace(/\s/g, ' ') === `10 adultos ${dollars}` })).toBeTruthy();
    expect(screen.queryByText(/Adults|Event date|ZIP code|Book this quote/)).toBeNull();
    await userEvent.clear(adults);
    await userEvent.type(adults, '0');
    expect(await screen.findByText('Se necesita al menos un adulto.')).toBeTruthy();
  }

  it('speaks Spanish when its locale prop says es', async () => {
    renderQuote({ locale: 'es' });
    await expectSpanish('$600.00');
    expect(screen.getByRole('button', { name: 'Reservar esta cotización' })).toBeTruthy();
  });

  it('names the menu in Spanish from the tenant’s catalog: fields, units, quote lines and a limit’s message', async () => {
    renderQuote({ locale: 'es' });
    const lobster = await screen.findByLabelText('Cola de langosta');
    expect(screen.getByLabelText('Filete mignon')).toBeTruthy();
    expect(screen.getByLabelText('Fideos yakisoba')).toBeTruthy();
    expect(screen.getByText((text) => text.replace(/\s/g, ' ') === '$12.00 por plato de seis')).toBeTruthy();
    expect(screen.queryByText(/Lobster|Filet\b|Noodles|Extra protein|per plate|\beach\b/)).toBeNull();
    await userEvent.type(lobster, '2');
    expect(await screen.findByRole('row', { name: /^Cola de langosta × 2/ })).toBeTruthy();
    await userEvent.clear(lobster);
    await userEvent.type(lobster, '11');
    expect(await screen.findByText('Cola de langosta: como máximo uno por invitado (10).')).toBeTruthy();
  });

  it('words the server’s refusal of a ZIP code in Spanish, from its code', async () => {
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()} locale="es">
        <QuoteCalculator defaultEventDate={date} defaultZip="00000" />
      </TeppanProvider>,
    );
    expect(await screen.findByText('No reconocemos el código postal 00000. Revísalo e inténtalo de nuevo.', {}, { timeout: 5000 })).toBeTruthy();
  });

  describe('with nothing set', () => {
    const pageLang = document.documentElement.lang;
    afterEach(() => {
      document.documentElement.lang = pageLang;
      // The own property the test added, so navigator.languages is the browser's again.
      Reflect.deleteProperty(navigator, 'languages');
    });

    it('follows the page’s <html lang>', async () => {
      document.documentElement.lang = 'es';
      renderQuote();
      await expectSpanish('$600.00');
    });

    it('stays English on an English page in a Spanish-speaking browser', async () => {
      document.documentElement.lang = 'en';
      Object.defineProperty(navigator, 'languages', { value: ['es-MX', 'es'], configurable: true });
      renderQuote();
      expect(await screen.findByLabelText('Adults')).toBeTruthy();
    });

    it('follows the visitor’s browser with locale="auto", by base language (es-MX → Spanish, formatted for Mexico)', async () => {
      Object.defineProperty(navigator, 'languages', { value: ['fr-FR', 'es-MX', 'en'], configurable: true });
      renderQuote({ locale: 'auto' });
      await expectSpanish('USD 600.00');
    });
  });
});
