import type { core } from 'zod/mini';
import type { FieldError } from './common';

type Issue = core.$ZodIssue;

/** zod/mini carries no locale; where a schema gave no message of its own, say one here. */
const GENERIC = 'Invalid input';

function messageFor(issue: Issue): string {
  if (issue.message && issue.message !== GENERIC) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) return 'This field is required.';
      if (issue.expected === 'int' || issue.expected === 'number') return 'Enter a whole number.';
      if (issue.expected === 'string') return 'Must be text.';
      return `Must be ${issue.expected === 'object' ? 'an object' : `of type ${issue.expected}`}.`;
    case 'too_big':
      return issue.origin === 'string' ? `Must be at most ${issue.maximum} characters.` : `Must be at most ${issue.maximum}.`;
    case 'too_small':
      return issue.origin === 'string' ? `Must be at least ${issue.minimum} characters.` : `Must be at least ${issue.minimum}.`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return 'Has the wrong format.';
    default:
      return 'Is not valid.';
  }
}

/**
 * A field error for a dotted path (`customer.email`) or a path array; with a `code` (and its `params`) when a
 * client may word it in the visitor's language rather than show `detail`.
 */
export function makeFieldError(path: string | readonly PropertyKey[], detail: string, code?: string, params?: Record<string, string | number>): FieldError {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  // RFC 6901: a key with `/` or `~` in it stays one segment of the pointer.
  const pointer = parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'));
  return { field: parts.join('.') || '(body)', pointer: `/${pointer.join('/')}`, detail, ...(code && { code }), ...(params && { params }) };
}

/**
 * One message per field, in input order; unknown fields named one by one. The
 * server puts these in its problem responses, and the widgets show the same
 * words beside their fields before anything is sent.
 */
export function fieldErrorsOf(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], detail: string) => {
    const e = makeFieldError([...prefix, ...path], detail);
    if (seen.has(e.field)) return;
    seen.add(e.field);
    errors.push(e);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], `Unknown field “${key}”.`);
    } else {
      add(issue.path, messageFor(issue));
    }
  }
  return errors;
}
