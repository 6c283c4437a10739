import { describe, expect, it } from 'vitest';
import { CARD_MESSAGES, cardBrand, cardNumberIssue, expiryIssue, formatCardNumber, luhnValid } from './cards';

describe('card numbers', () => {
  it('knows brands and groups digits as printed on the card', () => {
    expect(['4242424242424242', '5555555555554444', '2223003122003222', '378282246310005', '6011111111111117', '9999'].map(cardBrand)).toEqual([
      'visa',
      'mastercard',
      'mastercard',
      'amex',
      'discover',
      'unknown',
    ]);
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatCardNumber('42424')).toBe('4242 4');
  });

  it('says what is wrong with a number: missing, incomplete, or failing its check digit', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(cardNumberIssue('')).toBe('number-required');
    expect(cardNumberIssue('424242')).toBe('number-incomplete');
    expect(cardNumberIssue('4242424242424241')).toBe('number-invalid');
    expect(cardNumberIssue('4242424242424242')).toBeUndefined();
    expect(CARD_MESSAGES['number-invalid']).toBe('Your card number is invalid.');
  });

  it('takes a card through the end of its expiry month', () => {
    const now = Date.parse('2027-03-31T23:00:00Z');
    expect(expiryIssue(3, 2027, now)).toBeUndefined();
    expect(expiryIssue(2, 2027, now)).toBe('expiry-past');
    expect(expiryIssue(13, 2027, now)).toBe('expiry-month');
    expect(expiryIssue(1, 2060, now)).toBe('expiry-year');
  });
});
