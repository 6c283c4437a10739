import type { core } from 'zod/mini';
import type { Catalog, QuoteLine } from '../contract';
import { longDate, menuItemIn, type TeppanError, type Translate } from '../core';
import { type FailureMessages, wordFailure } from './failureMessages';
import type { Wording } from './useMessages';

type Params = Readonly<Record<string, string | number>>;

/**
 * What is wrong with a field: a code the widget words in the visitor's language (`field.<field>.<code>`, else
 * `field.<code>`), its params, and the server's English words when they came from the server.
 */
export interface FieldProblem {
  code?: string | undefined;
  params?: Params | undefined;
  detail?: string | undefined;
}

export type FieldProblems = Record<string, FieldProblem>;

/**
 * A contract issue as a code a form words: a rule's own code where it has one (the text rules' `params.code`,
 * src/contract/text.ts), else the zod check that failed.
 */
export function issueProblem(issue: core.$ZodIssue): FieldProblem {
  if (issue.code === 'custom') return { code: (issue.params as { code?: string } | undefined)?.code };
  if (issue.code === 'too_big') return { code: 'too-long', params: { max: Number(issue.maximum) } };
  if (issue.code === 'too_small') return { code: 'required' };
  if (issue.code === 'invalid_format') return { code: 'format' };
  return {};
}

/**
 * A failure in the visitor's language: its problem's code when the widget has words for it, else its kind's.
 * In English, a refusal the server worded for the visitor (core's VISITOR_WORDED) keeps the server's words, as a
 * failure the client made keeps its own; no other language ever shows them.
 */
export function failureWords(m: Wording & { t: Translate<FailureMessages> }, error: Pick<TeppanError, 'kind' | 'problem' | 'userMessage'>): string {
  const code = error.problem?.code;
  const coded = code ? m.word(`problem.${code}`) : undefined;
  return coded ?? (m.locale.language === 'en' ? error.userMessage : wordFailure(m.t, error));
}

/** Params that are calendar days (`2027-03-14`) are said in the visitor's language. */
const DATE_PARAMS = new Set(['date', 'seatingDate']);

/**
 * A field's problem in the visitor's language: by its code; a code the widget does not know is the server's own
 * words in English, else `field.<field>.invalid`, else "Check this field". `{label}` is the field's label.
 */
export function fieldWords(m: Wording, field: string, problem: FieldProblem): string {
  const params: Record<string, string | number> = { label: m.word(`label.${field}`) ?? field };
  for (const [name, value] of Object.entries(problem.params ?? {})) params[name] = DATE_PARAMS.has(name) ? longDate(String(value), m.locale.tag) : value;
  const { code } = problem;
  const coded = code ? (m.word(`field.${field}.${code}`, params) ?? m.word(`field.${code}`, params)) : undefined;
  if (coded) return coded;
  if (m.locale.language === 'en' && problem.detail) return problem.detail;
  return m.word(`field.${field}.invalid`, params) ?? m.word('field.invalid') ?? problem.detail ?? '';
}

/** The server's field errors, by field: codes, params and its English words (the first per field). */
export function serverProblems(error: TeppanError | null | undefined): FieldProblems {
  const out: FieldProblems = {};
  if (error?.kind !== 'validation') return out;
  for (const e of error.problem?.errors ?? []) out[e.field] ??= { code: e.code, params: e.params, detail: e.detail };
  return out;
}

/** A quote line from what it is (its kind and figures), not from the server's English label. */
export function lineLabel(m: Wording, catalog: Catalog, line: QuoteLine): string {
  const count = line.quantity ?? 0;
  let words: string | undefined;
  switch (line.kind) {
    case 'adults':
      words = m.word('line.adults', { count });
      break;
    case 'children':
      words = m.word('line.children', { count, age: catalog.prices.childUnderAge });
      break;
    case 'upgrade':
    case 'addOn': {
      const item = [...catalog.upgrades, ...catalog.addOns].find((i) => i.id === line.itemId);
      words = item && m.word('line.item', { item: menuItemIn(item, m.locale.language).name, count });
      break;
    }
    case 'minimum':
      words = m.word('line.minimum');
      break;
    case 'travel':
      words = m.word('line.travel', { miles: count, free: catalog.travel.freeMiles });
      break;
  }
  return words ?? line.label;
}
