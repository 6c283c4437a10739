import type { Context } from 'hono';
import type { ZodMiniType } from 'zod/mini';
import { fieldErrorsOf } from '../../src/contract';
import { Problem, validationProblem } from './problem';

export function parseWith<T>(schema: ZodMiniType<T>, input: unknown): T {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) {
    // Errors are capped in number: the fields the schema knows come before unknown keys, so they are never crowded out.
    const issues = result.error.issues;
    const unknownLast = [...issues.filter((i) => i.code !== 'unrecognized_keys'), ...issues.filter((i) => i.code === 'unrecognized_keys')];
    throw validationProblem(fieldErrorsOf(unknownLast));
  }
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
