import type { ZodMiniType } from 'zod/mini';
import { type FieldError, hasVisibleText, type LeadRequest, leadRequest } from '../../contract';
import type { TeppanError } from '../../core';

/**
 * What is wrong with what the visitor wrote, as codes the chat words in the visitor's language (`field.<code>`
 * and `composer.<code>` in ./messages): the contract decides whether a text is refused, and its issue's kind
 * (zod's code, and for a rule of the contract's own, what the text lacks) which words say so.
 */
type Issue = NonNullable<ReturnType<ZodMiniType['safeParse']>['error']>['issues'][number];

/** The form's fields: a refusal of one of them is shown at it. */
const LEAD_FIELDS = ['name', 'email', 'phone', 'question'] as const;
type LeadField = (typeof LEAD_FIELDS)[number];

function leadCode(field: LeadField, issue: Issue, value: string): string {
  if (issue.code === 'too_big') return 'too-long';
  if (issue.code !== 'custom') return 'invalid';
  switch (field) {
    case 'name':
    case 'question':
      return hasVisibleText(value) ? 'hidden-character' : `${field}-required`;
    case 'email':
      // The form's own rule sits on the email field: neither an email nor a phone was given.
      return value.trim() === '' ? 'contact-required' : 'email-format';
    case 'phone':
      return 'phone-format';
  }
}

/**
 * A field's problem: its code, which the chat words in any language, and the contract's own English words for it
 * (the rule's message, or the server's, which checks the same rule), which an English visitor reads as they are.
 */
export interface LeadProblem {
  code: string;
  english?: string | undefined;
}

/** The form's problems before it is sent, by field: the first of each field. */
export function leadProblems(body: LeadRequest): Record<string, LeadProblem> | undefined {
  const checked = leadRequest.safeParse(body);
  if (checked.success) return undefined;
  const found: Record<string, LeadProblem> = {};
  for (const issue of checked.error.issues) {
    const field = LEAD_FIELDS.find((f) => f === issue.path[0]);
    if (field) found[field] ??= { code: leadCode(field, issue, body[field] ?? ''), english: issue.message };
  }
  return found;
}

/** The server's refusal of the form, by field: its code where it gave one, else "check this field", and its words. */
export function serverLeadProblems(error: TeppanError): Record<string, LeadProblem> {
  const found: Record<string, LeadProblem> = {};
  for (const e of (error.problem?.errors ?? []) as FieldError[]) found[e.field] ??= { code: e.code ?? 'invalid', english: e.detail };
  return found;
}

/** Why the message in the box can't go, from the contract's issue with it: a code, the limit it names, and the rule's English. */
export function composerProblem(text: string, issue: Issue | undefined): { code: 'empty' | 'tooLong' | 'hidden'; max: number; english?: string } {
  if (issue?.code === 'too_big') return { code: 'tooLong', max: Number(issue.maximum), english: issue.message };
  return { code: hasVisibleText(text) ? 'hidden' : 'empty', max: 0, english: issue?.message };
}
