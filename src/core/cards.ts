/**
 * Card numbers as the test provider and the payment form read them: brand,
 * grouping, lengths and the Luhn check. Pure functions over digit strings, so
 * the form's messages and the server's refusals agree.
 */

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

interface BrandRule {
  brand: Exclude<CardBrand, 'unknown'>;
  /** Whether a number with these leading digits is of this brand. */
  test: RegExp;
  lengths: readonly number[];
  /** Digits per group as printed on the card. */
  groups: readonly number[];
  cvcLength: number;
  label: string;
}

const RULES: readonly BrandRule[] = [
  { brand: 'amex', test: /^3[47]/, lengths: [15], groups: [4, 6, 5], cvcLength: 4, label: 'American Express' },
  { brand: 'visa', test: /^4/, lengths: [13, 16, 19], groups: [4, 4, 4, 4, 3], cvcLength: 3, label: 'Visa' },
  { brand: 'mastercard', test: /^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16], groups: [4, 4, 4, 4], cvcLength: 3, label: 'Mastercard' },
  { brand: 'discover', test: /^(6011|65|64[4-9])/, lengths: [16, 19], groups: [4, 4, 4, 4, 3], cvcLength: 3, label: 'Discover' },
];

const ruleOf = (digits: string) => RULES.find((r) => r.test.test(digits));

export function cardBrand(digits: string): CardBrand {
  return ruleOf(digits)?.brand ?? 'unknown';
}

/** "Visa", "American Express", for receipts; undefined for a brand it does not know (the receipt words that itself). */
export function brandLabel(brand: string): string | undefined {
  return RULES.find((r) => r.brand === brand)?.label;
}

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Groups digits as printed on the card: `4242 4242 4242 4242`, `3782 822463 10005`. */
export function formatCardNumber(digits: string): string {
  const groups = ruleOf(digits)?.groups ?? [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** The longest number the brand allows (19 while the brand is unknown). */
export function maxCardLength(digits: string): number {
  return Math.max(...(ruleOf(digits)?.lengths ?? [19]));
}

export function cvcLength(digits: string): number {
  return ruleOf(digits)?.cvcLength ?? 3;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * What is wrong with a card, as a code the server's field error carries (`FieldError.code`) and a widget words in
 * the visitor's language (`field.<code>`); CARD_MESSAGES is the English for each, the server's `detail` and the
 * widgets' English. `number-test-only`: a valid number that is not one of the test provider's cards.
 */
export type CardIssue =
  | 'number-required'
  | 'number-incomplete'
  | 'number-invalid'
  | 'number-test-only'
  | 'expiry-month'
  | 'expiry-past'
  | 'expiry-year'
  | 'cvc-incomplete';

export const CARD_MESSAGES: Record<CardIssue, string> = {
  'number-required': 'Enter your card number.',
  'number-incomplete': 'Your card number is incomplete.',
  'number-invalid': 'Your card number is invalid.',
  'expiry-month': 'Enter a month from 01 to 12.',
  'expiry-past': 'Your card’s expiration date is in the past.',
  'expiry-year': 'Your card’s expiration year is invalid.',
  'number-test-only': 'Use a test card, such as 4242 4242 4242 4242: this site takes test payments only.',
  'cvc-incomplete': 'Your card’s security code is incomplete.',
};

/** Why a card number cannot be right, or `undefined` when it can. */
export function cardNumberIssue(digits: string): CardIssue | undefined {
  if (digits.length === 0) return 'number-required';
  const rule = ruleOf(digits);
  const lengths = rule?.lengths ?? [12, 13, 14, 15, 16, 17, 18, 19];
  if (digits.length < Math.min(...lengths)) return 'number-incomplete';
  if (!lengths.includes(digits.length) || !luhnValid(digits)) return 'number-invalid';
  return undefined;
}

/** Why an expiry cannot be used at `now` (the card works through the end of its month), or `undefined`. */
export function expiryIssue(month: number, year: number, now: number): CardIssue | undefined {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 'expiry-month';
  const today = new Date(now);
  const thisMonth = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const cardMonth = year * 12 + (month - 1);
  if (cardMonth < thisMonth) return 'expiry-past';
  if (cardMonth > thisMonth + 20 * 12) return 'expiry-year';
  return undefined;
}
