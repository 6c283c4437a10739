import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoTenant } from '../../../server/tenants';
import { freshReferenceApi, startReferenceApi, worker } from '../../../test/support/msw-browser';
import type { Quote } from '../../contract';
import { addDays, bookableDates, longDate } from '../../core';
import { createTeppanQueryClient, useFunnel } from '../../query';
import { BookingForm, TeppanProvider } from '../../react';

// The widget's code before any test: a cold Vite transform must not eat a test's waits.
beforeAll(() => Promise.all([startReferenceApi(), BookingForm.preload()]));
afterAll(() => worker.stop());
beforeEach(() => {
  localStorage.clear();
  freshReferenceApi();
});

const first = bookableDates(demoTenant.catalog, Date.now()).first;

async function makeQuote(eventDate: string): Promise<Quote> {
  const res = await fetch('/api/v1/quotes', {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json' },
    body: JSON.stringify({ adults: 12, eventDate, zip: '90012' }),
  });
  return (await res.json()) as Quote;
}

/** What a quote calculator does on "Book this quote", without the calculator. */
function HandOff({ quoteId }: { quoteId: string }) {
  const { handOff } = useFunnel();
  return (
    <button type="button" onClick={() => handOff({ quoteId })}>
      Hand off
    </button>
  );
}

describe('BookingForm and the funnel', () => {
  it('takes a quote handed off on the page and brings its first step into focus; a form pinned to its own quote keeps it', async () => {
    const [handed, pinned] = [await makeQuote(addDays(first, 10)), await makeQuote(addDays(first, 20))];
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
        <section aria-label="Open form">
          <BookingForm />
        </section>
        <section aria-label="Pinned form">
          <BookingForm quoteId={pinned.id} draftId="pinned" />
        </section>
        <HandOff quoteId={handed.id} />
      </TeppanProvider>,
    );
    const open = within(screen.getByRole('region', { name: 'Open form' }));
    const pinnedForm = within(screen.getByRole('region', { name: 'Pinned form' }));
    expect(await open.findByText(/Start with a quote/)).toBeTruthy();
    expect(await pinnedForm.findByRole('group', { name: `Seatings on ${longDate(pinned.eventDate)}` })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Hand off' }));
    expect(await open.findByRole('group', { name: `Seatings on ${longDate(handed.eventDate)}` })).toBeTruthy();
    expect(document.activeElement).toBe(open.getByRole('heading', { name: /Choose a seating/ }));
    expect(pinnedForm.getByRole('group', { name: `Seatings on ${longDate(pinned.eventDate)}` })).toBeTruthy();
  });
});
