import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('the React entry on a server', () => {
  it('imports without a DOM and renders widgets as their skeletons', async () => {
    expect(typeof document).toBe('undefined');
    const { TeppanProvider, QuoteCalculator, BookingForm, createTeppanQueryClient } = await import('./index');
    const html = renderToString(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
        <QuoteCalculator />
        <BookingForm />
      </TeppanProvider>,
    );
    expect(html).toContain('aria-label="Loading the quote calculator"');
    expect(html).toContain('aria-label="Loading the booking form"');
    // The skeleton already holds the widget's size in the server's HTML: no shift when it hydrates. (The booking
    // form's is its calculator in place: a server cannot see which widgets the page mounts beside it.)
    expect(html).toMatch(/height:44em/);
    expect(html).toMatch(/height:46\.5em/);
  });
});
