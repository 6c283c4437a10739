import { useState } from 'react';
import { BookingForm, QuoteCalculator } from '../../../src/react';
import { mount } from './provider';

/**
 * The landing page: a quote first; the booking form (and its code) only once
 * the visitor books a quote. The quote id goes into the URL, so a reload or a
 * shared link comes back to the same booking.
 */
function Home() {
  const [quoteId, setQuoteId] = useState(() => new URLSearchParams(window.location.search).get('quote'));
  return (
    <>
      <section className="band" aria-label="Quote">
        <QuoteCalculator
          onQuote={(quote) => {
            const url = new URL(window.location.href);
            url.searchParams.set('quote', quote.id);
            window.history.replaceState(null, '', url);
            setQuoteId(quote.id);
          }}
        />
      </section>
      {quoteId ? (
        <section className="band" aria-label="Booking">
          <BookingForm quoteId={quoteId} />
        </section>
      ) : null}
    </>
  );
}

mount(<Home />);
