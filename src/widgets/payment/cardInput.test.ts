import { describe, expect, it } from 'vitest';
import { caretAfterFormat, checkCard, FORMATS, parseExpiry } from './cardInput';

describe('card fields as typed', () => {
  it('space the number as printed, stop at the brand’s length, and keep the caret after the same digit', () => {
    expect(FORMATS.number('4242424242424242999')).toBe('4242 4242 4242 4242 999');
    expect(FORMATS.number('3782 8224 6310 0059')).toBe('3782 822463 10005');
    expect(FORMATS.number('42a4-2')).toBe('4242');
    // Typing a 9 after the 5th digit of "4242 4242": the caret stays right after it, not at the end.
    const typed = '4242 49242';
    const formatted = FORMATS.number(typed);
    expect(formatted).toBe('4242 4924 2');
    expect(caretAfterFormat(typed, 7, formatted)).toBe(7);
  });

  it('write the expiry as MM / YY, a lone first digit above 1 being the month', () => {
    expect(['1', '12', '123', '1234', '4', '42', '12345'].map(FORMATS.expiry)).toEqual(['1', '12', '12 / 3', '12 / 34', '04', '04 / 2', '12 / 34']);
    expect(parseExpiry('12 / 34')).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry('12 / 3')).toBeUndefined();
  });

  it('say what is missing or wrong beside each field', () => {
    const now = Date.parse('2027-03-01T00:00:00Z');
    expect(checkCard({ number: '', expiry: '', cvc: '', postalCode: ' ' }, now)).toEqual({
      number: 'Enter your card number.',
      expiry: 'Enter the expiration date.',
      cvc: 'Enter the security code.',
      postalCode: 'Enter the postal code.',
    });
    expect(checkCard({ number: '4242 4242 4242 4241', expiry: '02 / 27', cvc: '12', postalCode: '90012' }, now)).toEqual({
      number: 'Your card number is invalid.',
      expiry: 'Your card’s expiration date is in the past.',
      cvc: 'Your card’s security code is incomplete.',
    });
    expect(checkCard({ number: '3782 822463 10005', expiry: '03 / 27', cvc: '1234', postalCode: 'SW1A 1AA' }, now)).toEqual({});
  });
});
