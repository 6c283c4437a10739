import type { ZodMiniType } from 'zod/mini';
import { type Catalog, guestCount, isoDate, itemCount, type QuoteInput, zipCode } from '../../contract';
import { eventDateProblem, type PriceInput, validateGuestsAndItems } from '../../core';

/** What the visitor typed, exactly as typed: nothing is coerced away until it is valid. */
export interface QuoteFormValues {
  adults: string;
  children: string;
  /** Counts per menu id. */
  upgrades: Record<string, string>;
  addOns: Record<string, string>;
  eventDate: string;
  zip: string;
}

export type FieldErrors = Record<string, string>;

export interface QuoteFormCheck {
  errors: FieldErrors;
  /** Guests and menu, when they are valid: enough for the live estimate. */
  price: PriceInput | undefined;
  /** The whole request, when every field is valid: enough for the server's quote. */
  input: QuoteInput | undefined;
}

/** Plain decimal notation only: `1e3` or `0x10` is not how anyone writes a head count. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The contract's first message about `value`, if it refuses it. */
function problemOf(schema: ZodMiniType<unknown>, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  return r.success ? undefined : (r.error.issues[0]?.message ?? 'Is not valid.');
}

/** A typed count, checked by the contract's rule for it (the server's words). */
function count(raw: string, required: boolean, schema: ZodMiniType<number>): number | string {
  const text = raw.trim();
  if (text === '') return required ? 'Enter a number.' : 0;
  if (!DECIMAL.test(text)) return 'Enter a whole number.';
  const n = Number(text);
  return problemOf(schema, n) ?? n;
}

function counts(group: 'upgrades' | 'addOns', raw: Record<string, string>, errors: FieldErrors): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(raw)) {
    const n = count(value, false, itemCount);
    if (typeof n === 'string') errors[`${group}.${id}`] = n;
    else if (n > 0) out[id] = n;
  }
  return out;
}

/**
 * Checks the form with the same rules and words as the server (shared from
 * core), field by field, and says how far the visitor can get: an estimate,
 * or a full quote request.
 */
export function checkQuoteForm(values: QuoteFormValues, catalog: Catalog, now: number): QuoteFormCheck {
  const errors: FieldErrors = {};
  const adults = count(values.adults, true, guestCount);
  const children = count(values.children, false, guestCount);
  if (typeof adults === 'string') errors.adults = adults;
  if (typeof children === 'string') errors.children = children;
  const upgrades = counts('upgrades', values.upgrades, errors);
  const addOns = counts('addOns', values.addOns, errors);

  let price: PriceInput | undefined;
  if (typeof adults === 'number' && typeof children === 'number' && Object.keys(errors).length === 0) {
    price = { adults, children, upgrades, addOns };
    for (const e of validateGuestsAndItems(catalog, price)) errors[e.field] ??= e.detail;
    if (Object.keys(errors).length > 0) price = undefined;
  }

  const dateProblem = problemOf(isoDate, values.eventDate) ?? eventDateProblem(catalog, values.eventDate, now);
  if (dateProblem) errors.eventDate = dateProblem;
  const zip = values.zip.trim();
  const zipProblem = problemOf(zipCode, zip);
  if (zipProblem) errors.zip = zipProblem;

  const input = price && !errors.eventDate && !errors.zip ? { ...price, eventDate: values.eventDate, zip } : undefined;
  return { errors, price, input };
}

export function emptyQuoteForm(catalog: Catalog, defaults: Partial<Record<'adults' | 'children' | 'eventDate' | 'zip', string>> = {}): QuoteFormValues {
  return {
    adults: defaults.adults ?? '10',
    children: defaults.children ?? '0',
    upgrades: Object.fromEntries(catalog.upgrades.map((u) => [u.id, '0'])),
    addOns: Object.fromEntries(catalog.addOns.map((a) => [a.id, '0'])),
    eventDate: defaults.eventDate ?? '',
    zip: defaults.zip ?? '',
  };
}

export function isQuoteFormValues(v: unknown): v is QuoteFormValues {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  const isCounts = (x: unknown) => !!x && typeof x === 'object' && Object.values(x).every((c) => typeof c === 'string');
  return ['adults', 'children', 'eventDate', 'zip'].every((k) => typeof o[k] === 'string') && isCounts(o.upgrades) && isCounts(o.addOns);
}
