import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../core';
import sharedEs from '../sharedMessages.es';
import { messagesOf } from '../useMessages';
import { fieldWords } from '../words';
import { type CardValues, caretAfterFormat, checkCard, FORMATS, parseExpiry } from './cardInput';
import { en } from './messages/en';
import paymentEs from './messages/es';

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

  const now = Date.parse('2027-03-01T00:00:00Z');
  const english = messagesOf(en, ENGLISH, undefined);
  const spanish = messagesOf(en, { language: 'es', tag: 'es' }, { ...sharedEs, ...paymentEs });
  /** The form's problems as a visitor reads them beside each field. */
  const said = (words: typeof english, values: CardValues) =>
    Object.fromEntries(Object.entries(checkCard(values, now)).map(([field, problem]) => [field, fieldWords(words, field, problem)]));

  it('say what is missing or wrong beside each field', () => {
    expect(said(english, { number: '', expiry: '', cvc: '', postalCode: ' ' })).toEqual({
      number: 'Enter your card number.',
      expiry: 'Enter the expiration date.',
      cvc: 'Enter the security code.',
      postalCode: 'Enter the postal code.',
    });
    expect(said(english, { number: '4242 4242 4242 4241', expiry: '02 / 27', cvc: '12', postalCode: '90012' })).toEqual({
      number: 'Your card number is invalid.',
      expiry: 'Your card’s expiration date is in the past.',
      cvc: 'Your card’s security code is incomplete.',
    });
    expect(said(english, { number: '4242', expiry: '13 / 27', cvc: '123', postalCode: '9001\u202e2' })).toEqual({
      number: 'Your card number is incomplete.',
      expiry: 'Enter a month from 01 to 12.',
      postalCode: 'Postal code contains a hidden text-direction character. Please retype it.',
    });
    expect(checkCard({ number: '3782 822463 10005', expiry: '03 / 27', cvc: '1234', postalCode: 'SW1A 1AA' }, now)).toEqual({});
  });

  it('say it in Spanish, from the same codes', () => {
    expect(said(spanish, { number: '4242 4242 4242 4241', expiry: '02 / 27', cvc: '', postalCode: 'x'.repeat(11) })).toEqual({
      number: 'El número de tu tarjeta no es válido.',
      expiry: 'La fecha de vencimiento de tu tarjeta ya pasó.',
      cvc: 'Escribe el código de seguridad.',
      postalCode: 'Un código postal tiene como máximo 10 caracteres.',
    });
    // The server's refusal by its code (the reference server's test provider: not one of its test cards).
    const fromServer = { code: 'number-test-only', detail: 'Use a test card, such as 4242 4242 4242 4242: this site takes test payments only.' };
    expect(fieldWords(english, 'number', fromServer)).toBe(fromServer.detail);
    expect(fieldWords(spanish, 'number', fromServer)).toBe('Usa una tarjeta de prueba, como 4242 4242 4242 4242: este sitio solo acepta pagos de prueba.');
    // A refusal without a code: its English words for an English visitor only.
    const codeless = { detail: 'Card refused by the bank’s rules.' };
    expect(fieldWords(english, 'number', codeless)).toBe(codeless.detail);
    expect(fieldWords(spanish, 'number', codeless)).toBe('Revisa el número de la tarjeta.');
    expect(fieldWords(spanish, 'cvc', { detail: 'Your card’s security code is incomplete.' })).toBe('Revisa el código de seguridad.');
  });
});
