import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../core';
import sharedEs from '../sharedMessages.es';
import { messagesOf } from '../useMessages';
import { fieldWords } from '../words';
import { en } from './messages/en';
import bookingEs from './messages/es';

/** The reference server's refusals of a booking, as they arrive (code, params, English detail). */
const otherDay = {
  code: 'other-day',
  params: { date: '2027-03-14', seatingDate: '2027-03-15' },
  detail: 'Your quote is for Sunday, March 14, 2027. Choose a seating on that day, or get a quote for Monday, March 15, 2027.',
};
const past = { code: 'past', params: { hours: 48 }, detail: 'That seating can no longer be booked. Choose another one.' };
const expired = { code: 'expired', detail: 'That quote has expired. Get a new quote and try again.' };

describe('a booking refused by the server, beside its field', () => {
  const english = messagesOf(en, ENGLISH, undefined);
  const spanish = messagesOf(en, { language: 'es', tag: 'es' }, { ...sharedEs, ...bookingEs });

  it('is worded from its code in Spanish, its dates said the Spanish way', () => {
    expect(fieldWords(spanish, 'slotId', otherDay)).toBe(
      'Tu cotización es para el domingo, 14 de marzo de 2027. Elige un horario de ese día u obtén una cotización para el lunes, 15 de marzo de 2027.',
    );
    expect(fieldWords(spanish, 'slotId', past)).toBe('Ese horario es demasiado pronto: necesitamos 48 horas de anticipación. Elige uno posterior.');
    expect(fieldWords(spanish, 'quoteId', expired)).toBe('Tu cotización venció. Obtén una cotización nueva e inténtalo de nuevo.');
  });

  it('is worded from the same code in English', () => {
    expect(fieldWords(english, 'slotId', otherDay)).toBe(
      'Your quote is for Sunday, March 14, 2027. Choose a seating on that day, or get a quote for Monday, March 15, 2027.',
    );
    expect(fieldWords(english, 'slotId', past)).toBe('That seating is too soon to book: we need 48 hours’ notice. Choose a later one.');
  });
});
