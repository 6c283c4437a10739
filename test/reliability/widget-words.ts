import { ENGLISH } from '../../src/core';
import { en as bookingEn } from '../../src/widgets/booking/messages/en';
import { en as paymentEn } from '../../src/widgets/payment/messages/en';
import { en as quoteEn } from '../../src/widgets/quote/messages/en';
import { messagesOf } from '../../src/widgets/useMessages';
import { type FieldProblem, fieldWords } from '../../src/widgets/words';

const inEnglishBy =
  (words: Parameters<typeof fieldWords>[0]) =>
  (problem: FieldProblem | undefined, field = ''): string | undefined =>
    problem && fieldWords(words, field, problem);

/** A widget's own verdict on a field, as an English visitor reads it beside the field. */
export const inEnglish = inEnglishBy(messagesOf(quoteEn, ENGLISH, undefined));
export const bookingInEnglish = inEnglishBy(messagesOf(bookingEn, ENGLISH, undefined));
export const paymentInEnglish = inEnglishBy(messagesOf(paymentEn, ENGLISH, undefined));
