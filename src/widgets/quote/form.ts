import type { ZodMiniType } from 'zod/mini';
import { type Catalog, guestCount, isoDate, itemCount, type QuoteInput, zipCode } from '../../contract';
import { eventDateIssue, type PriceInput, validateGuestsAndItems } from '../../core';

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

/** What is wrong with a field, as a code the widget words in the visitor's language (`field.<code>` in ./messages). */
export interface FieldProblem {
  code: string;
  params?: Readonly<Record<string, string | number>> | undefined;
}

export type FieldErrors = Record<string, FieldProblem>;

export interface QuoteFormCheck {
  errors: FieldErrors;
  /** Guests and menu, when they are valid: enough for the live estimate. */
  price: PriceInput | undefined;
  /** The whole request, when every field is valid: enough for the server's quote. */
  input: QuoteInput | undefined;
}

/** Plain decimal notation only: `1e3` or `0x10` is not how anyone writes a head count. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Whether the contract refuses `value`, and which of its rules: the schema's first issue, by its zod code (never
 * its English words), as one of `codes` (a refinement is `custom`).
 */
function problemOf(schema: ZodMiniType<unknown>, value: unknown, codes: Partial<Record<string, string>>): FieldProblem | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  // Past Number.MAX_SAFE_INTEGER a number is no integer zod can vouch for: its int check says too_big, which is
  // the server's "Enter a whole number." (that check's message), not the schema's own upper bound.
  const unsafe = issue?.code === 'too_big' && Number(issue.maximum) >= Number.MAX_SAFE_INTEGER;
  return { code: codes[unsafe ? 'invalid_type' : (issue?.code ?? '')] ?? 'invalid' };
}

/** A typed count, checked by the contract's rule for it (the server's rule). */
function count(raw: string, required: boolean, schema: ZodMiniType<number>, tooBig: string): number | FieldProblem {
  const text = raw.trim();
  if (text === '') return required ? { code: 'required-number' } : 0;
  if (!DECIMAL.test(text)) return { code: 'whole-number' };
  const n = Number(text);
  return problemOf(schema, n, { invalid_type: 'whole-number', too_small: 'negative', too_big: tooBig }) ?? n;
}

function counts(group: 'upgrades' | 'addOns', raw: Record<string, string>, errors: FieldErrors): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(raw)) {
    const n = count(value, false, itemCount, 'too-many-items');
    if (typeof n !== 'number') errors[`${group}.${id}`] = n;
    else if (n > 0) out[id] = n;
  }
  return out;
}

/**
 * Checks the form with the same rules as the server (shared from core), field
 * by field, each problem a code the widget words in the visitor's language, and says how far the visitor can get: an estimate,
 * or a full quote request.
 */
export function checkQuoteForm(values: QuoteFormValues, catalog: Catalog, now: number): QuoteFormCheck {
  const errors: FieldErrors = {};
  const adults = count(values.adults, true, guestCount, 'too-many-guests');
  const children = count(values.children, false, guestCount, 'too-many-guests');
  if (typeof adults !== 'number') errors.adults = adults;
  if (typeof children !== 'number') errors.children = children;
  const upgrades = counts('upgrades', values.upgrades, errors);
  const addOns = counts('addOns', values.addOns, errors);

  let price: PriceInput | undefined;
  if (typeof adults === 'number' && typeof children === 'number' && Object.keys(errors).length === 0) {
    price = { adults, children, upgrades, addOns };
    for (const e of validateGuestsAndItems(catalog, price)) errors[e.field] ??= { code: e.code ?? 'invalid', params: e.params };
    if (Object.keys(errors).length > 0) price = undefined;
  }

  const dateProblem =
    problemOf(isoDate, values.eventDate, { too_small: 'date-required', invalid_format: 'date-format', custom: 'date-unreal' }) ??
    eventDateIssue(catalog, values.eventDate, now);
  if (dateProblem) errors.eventDate = dateProblem;
  const zip = values.zip.trim();
  const zipProblem = problemOf(zipCode, zip, { too_small: 'zip-required', invalid_format: 'zip-format' });
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
