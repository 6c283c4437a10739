import { cardPostalCode } from '../../contract';
import { cardNumberIssue, cvcLength, digitsOf, expiryIssue, formatCardNumber, maxCardLength } from '../../core';
import { type FieldProblem, issueProblem } from '../words';

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

/** What is wrong with each field, as codes the form words (messages/en.ts): the same rules the server applies. */
export function checkCard(values: CardValues, now: number): Partial<Record<CardField, FieldProblem>> {
  const errors: Partial<Record<CardField, FieldProblem>> = {};
  const number = digitsOf(values.number);
  const numberIssue = cardNumberIssue(number);
  if (numberIssue) errors.number = { code: numberIssue };
  const expiry = parseExpiry(values.expiry);
  if (!values.expiry.trim()) errors.expiry = { code: 'expiry-required' };
  else if (!expiry) errors.expiry = { code: 'expiry-incomplete' };
  else {
    const issue = expiryIssue(expiry.month, expiry.year, now);
    if (issue) errors.expiry = { code: issue };
  }
  if (!values.cvc) errors.cvc = { code: 'cvc-required' };
  else if (values.cvc.length !== cvcLength(number)) errors.cvc = { code: 'cvc-incomplete' };
  const postal = cardPostalCode.safeParse(values.postalCode);
  if (!postal.success && postal.error.issues[0]) errors.postalCode = issueProblem(postal.error.issues[0]);
  return errors;
}
