import type { Catalog, FieldError, QuoteLine } from '../../contract';
import { type Locale, longDate, type TeppanError, type Translate } from '../../core';
import type { FieldProblem } from './form';
import { en, type QuoteMessages } from './messages/en';

type T = Translate<QuoteMessages>;
type Params = Readonly<Record<string, string | number>>;

/** Params that are dates are calendar days (`2027-03-14`): said in the visitor's language. */
const DATE_PARAMS = new Set(['date']);

/** A field's problem, by its code, in the visitor's language; a code this widget does not know is "check this field". */
export function wordProblem(t: T, locale: Locale, problem: FieldProblem): string {
  const key = `field.${problem.code}`;
  if (!(key in en)) return t('field.invalid');
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params ?? {})) params[name] = DATE_PARAMS.has(name) ? longDate(String(value), locale.tag) : value;
  // The key is one of the catalog's (checked above), its params the server's or the form's for that code.
  return (t as unknown as (key: string, params: Params) => string)(key, params);
}

/** The server's field errors for what is on screen, worded by their codes. */
export function serverFieldErrors(t: T, locale: Locale, error: TeppanError | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (error?.kind !== 'validation') return out;
  for (const e of (error.problem?.errors ?? []) as FieldError[]) out[e.field] ??= wordProblem(t, locale, { code: e.code ?? '', params: e.params });
  return out;
}

/** A quote line from what it is (its kind and figures), not from the server's English label. */
export function lineLabel(t: T, catalog: Catalog, line: QuoteLine): string {
  const count = line.quantity ?? 0;
  switch (line.kind) {
    case 'adults':
      return t('line.adults', { count });
    case 'children':
      return t('line.children', { count, age: catalog.prices.childUnderAge });
    case 'upgrade':
    case 'addOn': {
      const item = [...catalog.upgrades, ...catalog.addOns].find((i) => i.id === line.itemId);
      return item ? t('line.item', { item: item.name, count }) : line.label;
    }
    case 'minimum':
      return t('line.minimum');
    case 'travel':
      return t('line.travel', { miles: count, free: catalog.travel.freeMiles });
  }
}
