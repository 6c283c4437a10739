import type { Context } from 'hono';
import type { core, ZodMiniType } from 'zod/mini';
import type { FieldError } from '../../src/contract';
import { Problem, validationProblem } from './problem';

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

const toField = (path: PropertyKey[]): FieldError['field'] => path.map(String).join('.');

/** One message per field, in the order of the input; unknown fields are named one by one. */
export function fieldErrorsOf(issues: Issue[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (path: PropertyKey[], detail: string) => {
    const field = toField(path) || '(body)';
    if (seen.has(field)) return;
    seen.add(field);
    errors.push({ field, pointer: `/${path.map(String).join('/')}`, detail });
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

export function parseWith<T>(schema: ZodMiniType<T>, input: unknown): T {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationProblem(fieldErrorsOf(result.error.issues));
  return result.data;
}

/** Reads a JSON body and validates it against a contract schema: 415, 400 or 422 problems otherwise. */
export async function jsonBody<T>(c: Context, schema: ZodMiniType<T>): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new Problem({
      status: 415,
      code: 'unsupported-media-type',
      title: 'Send JSON',
      detail: 'Send the body as JSON with Content-Type: application/json.',
    });
  }
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Problem({ status: 400, code: 'malformed-json', title: 'Malformed JSON', detail: `The body is not valid JSON: ${(e as Error).message}` });
  }
  return parseWith(schema, data);
}
