import { describe, expect, it } from 'vitest';
import { cardBrand, cardNumberProblem, expiryProblem, formatCardNumber, luhnValid } from './cards';

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
    expect(cardNumberProblem('')).toBe('Enter your card number.');
    expect(cardNumberProblem('424242')).toBe('Your card number is incomplete.');
    expect(cardNumberProblem('4242424242424241')).toBe('Your card number is invalid.');
    expect(cardNumberProblem('4242424242424242')).toBeUndefined();
  });

  it('takes a card through the end of its expiry month', () => {
    const now = Date.parse('2027-03-31T23:00:00Z');
    expect(expiryProblem(3, 2027, now)).toBeUndefined();
    expect(expiryProblem(2, 2027, now)).toMatch(/in the past/);
    expect(expiryProblem(13, 2027, now)).toMatch(/month/);
    expect(expiryProblem(1, 2060, now)).toMatch(/year is invalid/);
  });
});
