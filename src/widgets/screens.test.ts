import { describe, expect, it } from 'vitest';
import { bookingSpec } from './booking/spec';
import { paymentSpec } from './payment/spec';
import { firstScreen, type PageFacts, reserveOf, urlHasParam } from './screens';

/** A page as the loader or the React entry sees it. */
function page({ attributes = [], search = '', widgets = [] }: { attributes?: string[]; search?: string; widgets?: string[] }): PageFacts {
  return {
    attribute: (name) => attributes.includes(name),
    param: (name) => urlHasParam(search, name),
    beside: (widget) => widgets.includes(widget),
  };
}

describe('the booking form’s first screen', () => {
  it('is the calculator in place on a page with no quote and no calculator', () => {
    expect(firstScreen(bookingSpec, page({ widgets: ['booking', 'chat'] }))).toBe('');
  });

  it('is a short prompt on a page with a calculator of its own', () => {
    expect(firstScreen(bookingSpec, page({ widgets: ['quote', 'booking'] }))).toBe('prompt');
  });

  it('is the seatings when a quote is given, by its attribute or the URL, whatever else the page has', () => {
    expect(firstScreen(bookingSpec, page({ attributes: ['quote-id'], widgets: ['quote'] }))).toBe('steps');
    expect(firstScreen(bookingSpec, page({ search: '?utm=x&quote=qt_1', widgets: ['quote'] }))).toBe('steps');
  });

  it('reads a URL parameter without a value as no quote, as the funnel does', () => {
    expect(firstScreen(bookingSpec, page({ search: '?quote=' }))).toBe('');
  });

  it('each screen has its own reserve; the default screen’s is the spec’s', () => {
    expect(reserveOf(bookingSpec, '')).toBe(bookingSpec.reserve);
    expect(reserveOf(bookingSpec, 'prompt')[0][1]).toBeLessThan(15);
    expect(reserveOf(bookingSpec, 'steps')).not.toBe(bookingSpec.reserve);
  });
});

describe('the payment form’s first screen', () => {
  it('is the short prompt to book when nothing names a booking, whatever else the page has', () => {
    expect(firstScreen(paymentSpec, page({ widgets: ['payment', 'booking'] }))).toBe('');
    expect(firstScreen(paymentSpec, page({ search: '?booking=' }))).toBe('');
  });

  it('is the card form when a booking is given, by its attribute or the URL', () => {
    expect(firstScreen(paymentSpec, page({ attributes: ['booking-id'] }))).toBe('pay');
    expect(firstScreen(paymentSpec, page({ search: '?booking=bk_1' }))).toBe('pay');
  });

  it('reserves a few lines for the prompt, not the card form’s height', () => {
    expect(reserveOf(paymentSpec, '').every(([, height]) => height < 12)).toBe(true);
    expect(reserveOf(paymentSpec, 'pay')[0][1]).toBeGreaterThan(30);
  });
});

describe('a widget without screens', () => {
  it('starts on its default screen', () => {
    expect(firstScreen({}, page({ attributes: ['quote-id'], widgets: ['quote'] }))).toBe('');
  });
});
