import { cardPostalCode } from '../../contract';
import { cardNumberProblem, cvcLength, digitsOf, expiryProblem, formatCardNumber, maxCardLength } from '../../core';

/** What the visitor typed into the test provider's card form, formatted as shown. */
export interface CardValues {
  number: string;
  expiry: string;
  cvc: string;
  postalCode: string;
}

export type CardField = keyof CardValues;

export const emptyCard: CardValues = { number: '', expiry: '', cvc: '', postalCode: '' };

/** `MM / YY` from digits; a first digit above 1 is a month on its own (`4` → `04`). */
export function formatExpiry(digits: string): string {
  const d = /^[2-9]/.test(digits) ? `0${digits}` : digits;
  return d.length <= 2 ? d : `${d.slice(0, 2)} / ${d.slice(2, 4)}`;
}

/** How each field turns what was typed into what is shown. */
export const FORMATS: Record<CardField, (typed: string) => string> = {
  number: (typed) => {
    const digits = digitsOf(typed);
    return formatCardNumber(digits.slice(0, maxCardLength(digits)));
  },
  expiry: (typed) => formatExpiry(digitsOf(typed).slice(0, 4)),
  cvc: (typed) => digitsOf(typed).slice(0, 4),
  // As typed, however long: the field says what is wrong rather than cutting it short.
  postalCode: (typed) => typed,
};

/**
 * Where the caret goes after formatting: just after the same number of digits
 * as before it, so typing or deleting in the middle of `4242 4242` stays put.
 */
export function caretAfterFormat(typed: string, caret: number, formatted: string): number {
  const digitsBefore = digitsOf(typed.slice(0, caret)).length;
  if (digitsBefore === 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted[i] ?? '')) seen++;
    if (seen === digitsBefore) return i + 1;
  }
  return formatted.length;
}

export function parseExpiry(expiry: string): { month: number; year: number } | undefined {
  const d = digitsOf(expiry);
  if (d.length !== 4) return undefined;
  return { month: Number(d.slice(0, 2)), year: 2000 + Number(d.slice(2)) };
}

/** The messages shown beside each field; the same words the server would send. */
export function checkCard(values: CardValues, now: number): Partial<Record<CardField, string>> {
  const errors: Partial<Record<CardField, string>> = {};
  const number = digitsOf(values.number);
  const numberProblem = cardNumberProblem(number);
  if (numberProblem) errors.number = numberProblem;
  const expiry = parseExpiry(values.expiry);
  if (!values.expiry.trim()) errors.expiry = 'Enter the expiration date.';
  else if (!expiry) errors.expiry = 'Your card’s expiration date is incomplete.';
  else {
    const problem = expiryProblem(expiry.month, expiry.year, now);
    if (problem) errors.expiry = problem;
  }
  if (!values.cvc) errors.cvc = 'Enter the security code.';
  else if (values.cvc.length !== cvcLength(number)) errors.cvc = 'Your card’s security code is incomplete.';
  const postal = cardPostalCode.safeParse(values.postalCode);
  if (!postal.success) errors.postalCode = postal.error.issues[0]?.message ?? 'Enter the postal code.';
  return errors;
}
